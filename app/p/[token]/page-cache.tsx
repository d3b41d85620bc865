import "server-only";
import { ProgrammeClose, ProgrammeIntro, ProgrammePlan } from "@/components/patient/programme-page";
import type { DatabaseOrTransaction } from "@/db/client";
import { getProgrammeViewStamp } from "@/db/queries/programmes";
import { safetyAdvice } from "@/lib/catalogue/safety";
import { estimateSessionMinutes, plannedSessionsPerWeek } from "@/lib/player/words";
import { stillFigures } from "@/components/patient/figures";
import { loadProgrammeView } from "@/lib/patient/programme-view";
import { renderStaticMarkup } from "@/lib/patient/static-markup";

/**
 * The drawing is shared by every link to the programme, so it cannot hold a link: media
 * addresses are drawn under this stand-in and the page puts its own link's in its place.
 */
export const MEDIA_BASE_STAND_IN = "/p/~media~";

/** What the follow-along page shows that changes only when the programme (or what it is drawn from) changes. */
export type ProgrammePageParts = {
  programmeId: string;
  version: number;
  clinicName: string;
  exerciseCount: number;
  minutes: number;
  plannedPerWeek: number;
  /** Server-rendered HTML of ProgrammeIntro, ProgrammePlan and ProgrammeClose. */
  html: { intro: string; plan: string; close: string };
};

/*
 * Drawing the exercises, their figures and the safety advice is most of the page's
 * cost, and the result is the same for every visit until the programme changes. So it
 * is drawn once per (programme, version, stamp) and kept here, in this process, least
 * recently used first out. The stamp (getProgrammeViewStamp) covers what a version does
 * not: the patient's name, the clinic's details, the clinician's name and the exercises'
 * text, so a rename shows as soon as a new version does. Nothing here decides who may
 * see a programme: callers check the link first, on every request.
 */
const MAX_CHARS = 24_000_000;
const entries = new Map<string, Promise<ProgrammePageParts | null>>();
const sizes = new Map<string, number>();
let totalChars = 0;

export async function getProgrammePageParts(
  db: DatabaseOrTransaction,
  key: { clinicId: string; programmeId: string },
): Promise<ProgrammePageParts | null> {
  const stamp = await getProgrammeViewStamp(db, key);
  if (!stamp) return null;
  const cacheKey = `${key.clinicId}/${key.programmeId}/${stamp.version}/${stamp.stamp}`;
  const cached = entries.get(cacheKey);
  if (cached) {
    // Map keeps insertion order: moving a hit to the end makes the first entry the least recently used.
    entries.delete(cacheKey);
    entries.set(cacheKey, cached);
    return cached;
  }
  // The version read above, not "current": a save in between must not file a newer version under an older key.
  const pending = loadProgrammeView(db, { ...key, version: stamp.version }).then((view) => (view ? drawParts(view) : null));
  entries.set(cacheKey, pending);
  pending.then(
    (parts) => (parts ? remember(cacheKey, parts) : forget(cacheKey)),
    () => forget(cacheKey),
  );
  return pending;
}

function drawParts(view: NonNullable<Awaited<ReturnType<typeof loadProgrammeView>>>): ProgrammePageParts {
  return {
    programmeId: view.programmeId,
    version: view.version,
    clinicName: view.clinic.name,
    exerciseCount: view.items.length,
    minutes: estimateSessionMinutes(view.items),
    plannedPerWeek: plannedSessionsPerWeek(view.items),
    html: {
      intro: renderStaticMarkup(<ProgrammeIntro programme={view} />),
      plan: renderStaticMarkup(<ProgrammePlan programme={view} figures={stillFigures(view, MEDIA_BASE_STAND_IN)} />),
      close: renderStaticMarkup(<ProgrammeClose programme={view} safety={safetyAdvice()} />),
    },
  };
}

function remember(cacheKey: string, parts: ProgrammePageParts) {
  if (!entries.has(cacheKey) || sizes.has(cacheKey)) return;
  const size = parts.html.intro.length + parts.html.plan.length + parts.html.close.length;
  sizes.set(cacheKey, size);
  totalChars += size;
  for (const oldest of entries.keys()) {
    if (totalChars <= MAX_CHARS || oldest === cacheKey) break;
    forget(oldest);
  }
}

function forget(cacheKey: string) {
  entries.delete(cacheKey);
  totalChars -= sizes.get(cacheKey) ?? 0;
  sizes.delete(cacheKey);
}

/** Forgets every drawing of one programme (its patient was erased). */
export function forgetProgrammePageParts(key: { clinicId: string; programmeId: string }) {
  const prefix = `${key.clinicId}/${key.programmeId}/`;
  for (const cacheKey of [...entries.keys()]) if (cacheKey.startsWith(prefix)) forget(cacheKey);
}

/** For tests: start from nothing. */
export function clearProgrammePageParts() {
  entries.clear();
  sizes.clear();
  totalChars = 0;
}

export function programmePartsCacheSize() {
  return { entries: entries.size, chars: totalChars };
}

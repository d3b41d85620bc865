import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { ProgrammeClose, ProgrammeIntro, ProgrammePlan } from "@/components/patient/programme-page";
import { stillFigures } from "@/components/patient/figures";
import { getDb, type DatabaseOrTransaction } from "@/db/client";
import { getProgrammeViewStamp } from "@/db/queries/programmes";
import { safetyAdvice } from "@/lib/catalogue/safety";
import { estimateSessionMinutes, plannedSessionsPerWeek } from "@/lib/player/session-plan";
import { loadProgrammeView } from "@/lib/patient/programme-view";

/*
 * Drawing the exercises, their figures and the safety advice is most of the page's cost,
 * and the result is the same for every visit until the programme changes. So it comes
 * from Next's "use cache" store, keyed by the arguments below: a new version or a new
 * stamp (getProgrammeViewStamp: the patient's name, the clinic's details, the
 * clinician's name, the exercises' text and media) is a new key, so an edit shows on the
 * next request and nothing has to be forgotten for it. The key holds no link: media
 * addresses come from the page's <MediaBase> when the drawing renders, so one entry serves
 * every link to the programme and no token is kept in the cache. Nothing here decides who
 * may see a programme: the page checks the link first, on every request.
 */

/** Every cached drawing of one programme, for updateTag when its patient is erased. */
export const programmePageTag = (key: { clinicId: string; programmeId: string }) => `patient-page:${key.clinicId}:${key.programmeId}`;

export type ProgrammePartsKey = {
  clinicId: string;
  programmeId: string;
  version: number;
  stamp: string;
};

/** The key of what the programme looks like now, read live on every request (one query); null when there is nothing to show. */
export async function programmePartsKey(
  db: DatabaseOrTransaction,
  key: { clinicId: string; programmeId: string },
): Promise<ProgrammePartsKey | null> {
  const stamp = await getProgrammeViewStamp(db, key);
  return stamp ? { ...key, version: stamp.version, stamp: stamp.stamp } : null;
}

/** What the follow-along page shows that changes only when the programme (or what it is drawn from) changes. */
export async function programmePageParts(key: ProgrammePartsKey) {
  "use cache";
  // The key changes with every edit, so an entry never goes stale; it lasts until memory runs short.
  cacheLife("max");
  cacheTag(programmePageTag(key));
  // The version in the key, not "current": a save in between must not file a newer version under an older key.
  const view = await loadProgrammeView(await getDb(), key);
  if (!view) return null;
  return {
    programmeId: view.programmeId,
    version: view.version,
    clinicName: view.clinic.name,
    exerciseCount: view.items.length,
    minutes: estimateSessionMinutes(view.items),
    plannedPerWeek: plannedSessionsPerWeek(view.items),
    intro: <ProgrammeIntro programme={view} />,
    plan: <ProgrammePlan programme={view} figures={stillFigures(view)} />,
    close: <ProgrammeClose programme={view} safety={safetyAdvice()} />,
  };
}

/** What the page calls: the key, live; the drawing, from the cache. */
export async function getProgrammePageParts(db: DatabaseOrTransaction, key: { clinicId: string; programmeId: string }) {
  const partsKey = await programmePartsKey(db, key);
  return partsKey ? programmePageParts(partsKey) : null;
}

export type ProgrammePageParts = NonNullable<Awaited<ReturnType<typeof programmePageParts>>>;

import "server-only";
import { ProgrammeClose, ProgrammeIntro, ProgrammePlan } from "@/components/patient/programme-page";
import { stillFigures } from "@/components/patient/figures";
import type { DatabaseOrTransaction } from "@/db/client";
import { getProgrammeViewStamp } from "@/db/queries/programmes";
import { safetyAdvice } from "@/lib/catalogue/safety";
import { estimateSessionMinutes, plannedSessionsPerWeek } from "@/lib/player/session-plan";
import { cachedProgrammeView, type ProgrammeViewKey } from "@/lib/patient/programme-view-cache";

/** The key of what the programme looks like now, read live on every request (one query); null when there is nothing to show. */
export async function programmePartsKey(
  db: DatabaseOrTransaction,
  key: { clinicId: string; programmeId: string },
): Promise<ProgrammeViewKey | null> {
  const stamp = await getProgrammeViewStamp(db, key);
  return stamp ? { ...key, version: stamp.version, stamp: stamp.stamp } : null;
}

/**
 * What the follow-along page shows that changes only when the programme (or what it is
 * drawn from) changes: the programme comes from memory (lib/patient/programme-view-cache.ts),
 * the drawing is made per request.
 */
export async function programmePageParts(db: DatabaseOrTransaction, key: ProgrammeViewKey) {
  const view = await cachedProgrammeView(db, key);
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

/** What the page calls: the key, live; the programme, from memory. */
export async function getProgrammePageParts(db: DatabaseOrTransaction, key: { clinicId: string; programmeId: string }) {
  const partsKey = await programmePartsKey(db, key);
  return partsKey ? programmePageParts(db, partsKey) : null;
}

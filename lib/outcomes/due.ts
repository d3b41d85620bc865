import "server-only";
import type { DatabaseOrTransaction } from "@/db/client";
import { getOutcomeContext } from "@/db/queries/outcomes";
import { getMeasure } from "./measures";
import type { MeasureDefinition } from "./measure";
import { dueMeasures, reviewInstant } from "./schedule";

export type DueOutcomes = {
  version: number;
  clinicianName: string;
  due: { measure: MeasureDefinition; overdue: boolean; since: Date }[];
  /** The activities the patient named in their last PSFS, to rate again. */
  activities: string[];
};

/**
 * What the patient is asked now on a programme, read live on every visit (never from
 * the page cache: answering must make the prompt go away at once).
 */
export async function loadDueOutcomes(
  db: DatabaseOrTransaction,
  key: { clinicId: string; programmeId: string },
  now = new Date(),
): Promise<DueOutcomes | null> {
  const context = await getOutcomeContext(db, key);
  if (!context) return null;
  const due = dueMeasures(context.rules, context.answered, {
    start: new Date(context.start),
    review: reviewInstant(context.reviewDate),
    now,
  });
  const measures = await Promise.all(
    due.map(async (d) => ({ ...d, measure: await getMeasure(db, { clinicId: key.clinicId, key: d.measure }) })),
  );
  const lastPsfs = context.answered.find((a) => a.measure === "psfs");
  return {
    version: context.version,
    clinicianName: context.clinicianName ?? "your physio",
    due: measures.flatMap((d) => (d.measure ? [{ measure: d.measure, overdue: d.overdue, since: d.since }] : [])),
    activities: (lastPsfs?.answers ?? []).flatMap((a) => (a.label ? [a.label] : [])),
  };
}

/** "Alex" from "Alex Morgan": the patient page speaks of the clinician by first name. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

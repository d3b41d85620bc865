import type { ProgrammeExerciseView } from "@/lib/programme/view";
import { GET_READY_SECONDS, RELAX_SECONDS, sideCount } from "./machine";

/* The numbers a plan implies: how many sessions a week, and about how long each takes (the player's own timings). */

/**
 * Sessions a week the plan asks for: the most often any one exercise is done. An
 * exercise twice a day on 7 days means 14 sessions.
 */
export function plannedSessionsPerWeek(items: Pick<ProgrammeExerciseView, "dosage">[]): number {
  return items.reduce((n, i) => Math.max(n, Math.min(7, i.dosage.daysPerWeek) * Math.max(1, i.dosage.timesPerDay)), 0);
}

/** A rough session length for "about 15 minutes", rounded up to 5 minutes. */
export function estimateSessionMinutes(items: Pick<ProgrammeExerciseView, "dosage">[]): number {
  const SETUP = 30;
  const REP_WITHOUT_HOLD = 4;
  const seconds = items.reduce((total, { dosage: d }) => {
    const sides = sideCount(d);
    const perRep = d.holdSeconds > 0 ? d.holdSeconds + RELAX_SECONDS : REP_WITHOUT_HOLD;
    const perSet = (d.holdSeconds > 0 ? GET_READY_SECONDS : 0) + d.reps * perRep;
    return total + SETUP * sides + sides * (d.sets * perSet + (d.sets - 1) * d.restSeconds);
  }, 0);
  return Math.max(5, Math.ceil(seconds / 60 / 5) * 5);
}

import { z } from "zod";
import { DOSE_LIMITS, DOSE_TEXT_MAX } from "@/lib/domain/dose";
import { SIDES } from "@/lib/domain/exercise";

const whole = (label: string, { min, max }: { min: number; max: number }, unit = "") =>
  z.coerce
    .number({ error: `Enter a number for ${label}.` })
    .int(`Use a whole number for ${label}.`)
    .min(min, `${label[0]!.toUpperCase()}${label.slice(1)} must be at least ${min}${unit}.`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} can be at most ${max}${unit}.`);

/** One dose, as the clinician types it. Ranges are DOSE_LIMITS, as are the database's check constraints. */
export const dosageSchema = z.object({
  sets: whole("sets", DOSE_LIMITS.sets),
  reps: whole("reps", DOSE_LIMITS.reps),
  holdSeconds: whole("hold", DOSE_LIMITS.holdSeconds, " seconds"),
  restSeconds: whole("rest", DOSE_LIMITS.restSeconds, " seconds"),
  sides: z.enum(SIDES, "Choose which sides."),
  timesPerDay: whole("times per day", DOSE_LIMITS.timesPerDay),
  daysPerWeek: whole("days per week", DOSE_LIMITS.daysPerWeek),
  load: z.string().trim().max(DOSE_TEXT_MAX.load, `Keep the load under ${DOSE_TEXT_MAX.load} characters.`).default(""),
  note: z.string().trim().max(DOSE_TEXT_MAX.note, `Keep the note under ${DOSE_TEXT_MAX.note} characters.`).default(""),
});

export type DosageInput = z.infer<typeof dosageSchema>;

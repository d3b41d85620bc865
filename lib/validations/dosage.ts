import { z } from "zod";

const whole = (label: string, min: number, max: number, unit = "") =>
  z.coerce
    .number({ error: `Enter a number for ${label}.` })
    .int(`Use a whole number for ${label}.`)
    .min(min, `${label[0]!.toUpperCase()}${label.slice(1)} must be at least ${min}${unit}.`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} can be at most ${max}${unit}.`);

/** One dose, as the clinician types it. Ranges match the database's check constraints. */
export const dosageSchema = z.object({
  sets: whole("sets", 1, 20),
  reps: whole("reps", 1, 100),
  holdSeconds: whole("hold", 0, 600, " seconds"),
  restSeconds: whole("rest", 0, 600, " seconds"),
  sides: z.enum(["none", "each", "alternating"], "Choose which sides."),
  timesPerDay: whole("times per day", 1, 6),
  daysPerWeek: whole("days per week", 1, 7),
  load: z.string().trim().max(80, "Keep the load under 80 characters.").default(""),
  note: z.string().trim().max(300, "Keep the note under 300 characters.").default(""),
});

export type DosageInput = z.infer<typeof dosageSchema>;

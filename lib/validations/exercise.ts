import { z } from "zod";
import { BODY_REGIONS, CATEGORIES, EQUIPMENT, POSITIONS } from "@/lib/domain/exercise";
import { dosageSchema } from "./dosage";

/** A textarea with one entry per line. */
const lines = (label: string, { min = 0, max = 20, each = 400 } = {}) =>
  z
    .string()
    .default("")
    .transform((text) =>
      text
        .split(/\r?\n/)
        .map((l) => l.replace(/^\s*(?:\d+[.)]|[-*•])\s*/, "").trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().max(each, `Keep each line of ${label} under ${each} characters.`))
        .min(min, min === 1 ? `Add at least one line of ${label}.` : `Add at least ${min} ${label}, one per line.`)
        .max(max, `Use at most ${max} lines of ${label}.`),
    );

const list = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));

/**
 * A clinic's own exercise, from the custom-exercise form. The form posts the dose flat
 * (sets, reps, …) so each error sits next to its field; the output nests it.
 */
export const customExerciseSchema = z
  .object({
    name: z.string().trim().min(2, "Give the exercise a name.").max(80, "Keep the name under 80 characters."),
    aliases: lines("other names", { max: 10, each: 80 }),
    purpose: z.string().trim().min(5, "Say in a sentence what the exercise is for.").max(600, "Keep the purpose under 600 characters."),
    category: z.enum(CATEGORIES, "Choose a category."),
    bodyRegion: z.enum(BODY_REGIONS, "Choose a body region."),
    position: z.enum(POSITIONS, "Choose the starting position."),
    equipment: list.pipe(z.array(z.enum(EQUIPMENT)).min(1, "Choose the equipment, or None.")),
    targetMuscles: lines("target muscles", { min: 1, max: 12, each: 60 }),
    tags: lines("search words", { max: 20, each: 60 }),
    steps: lines("steps", { min: 2, max: 12 }),
    cues: lines("cues", { max: 10 }),
    cautions: lines("cautions", { max: 10 }),
    poseSlug: z
      .string()
      .trim()
      .regex(/^[a-z0-9-]*$/, "Choose an illustration from the list.")
      .max(60)
      .optional()
      .transform((v) => v || undefined),
    ...dosageSchema.omit({ note: true }).shape,
    dosageNote: dosageSchema.shape.note,
  })
  .transform(({ sets, reps, holdSeconds, restSeconds, sides, timesPerDay, daysPerWeek, load, dosageNote, ...rest }) => ({
    ...rest,
    dosage: { sets, reps, holdSeconds, restSeconds, sides, timesPerDay, daysPerWeek, load, note: dosageNote },
  }));

export type CustomExerciseInput = z.output<typeof customExerciseSchema>;

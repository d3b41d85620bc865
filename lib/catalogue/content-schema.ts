import { z } from "zod";
import { DOSE_LIMITS, DOSE_TEXT_MAX, type DoseNumberField } from "@/lib/domain/dose";
import { BODY_REGIONS, CATEGORIES, EQUIPMENT, POSITIONS, SIDES } from "@/lib/domain/exercise";

/**
 * The shape of one file in content/exercises/. Clinicians edit these files, so the
 * schema is strict: an unknown key is more likely a typo than a new field.
 */

const text = z.string().trim().min(1).max(600);
const sourceFile = z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/, "a seed file name such as 000_8328b7f5598f4fa9.txt");

const bounded = (field: DoseNumberField) => z.int().min(DOSE_LIMITS[field].min).max(DOSE_LIMITS[field].max);

export const catalogueDosageSchema = z
  .object({
    sets: bounded("sets"),
    reps: bounded("reps"),
    holdSeconds: bounded("holdSeconds"),
    restSeconds: bounded("restSeconds"),
    sides: z.enum(SIDES),
    timesPerDay: bounded("timesPerDay"),
    daysPerWeek: bounded("daysPerWeek"),
    load: z.string().trim().max(DOSE_TEXT_MAX.load).optional(),
    note: z.string().trim().max(DOSE_TEXT_MAX.note).optional(),
  })
  .strict();

/** Where the seeds disagree: the default chosen, the range seen, and who said what. */
const dosageDecisionSchema = z
  .object({
    field: z.enum(["sets", "reps", "holdSeconds", "restSeconds", "timesPerDay", "daysPerWeek", "load", "height"]),
    chosen: text,
    range: text,
    why: text,
    sources: z.array(sourceFile).min(1),
  })
  .strict();

const variationSchema = z.object({ name: text, description: text }).strict();

/**
 * A line written by the editors rather than taken from a seed: the exact text of a
 * step, cue, caution or variation, and what it rests on (a guideline, or "editorial
 * judgement" with the reason). Lines not listed here must be supported by the sources.
 */
const editorialSchema = z.object({ line: text, basis: text }).strict();

export const exerciseFileSchema = z
  .object({
    name: z.string().trim().min(2).max(80),
    aliases: z.array(z.string().trim().min(2).max(80)).default([]),
    purpose: text,
    category: z.enum(CATEGORIES),
    bodyRegion: z.enum(BODY_REGIONS),
    position: z.enum(POSITIONS),
    equipment: z.array(z.enum(EQUIPMENT)).min(1),
    targetMuscles: z.array(z.string().trim().min(2).max(60)).min(1),
    /** Plain-language search words a clinician or patient might type ("lying on front"). */
    tags: z.array(z.string().trim().min(2).max(60)).default([]),
    steps: z.array(text).min(2).max(12),
    cues: z.array(text).default([]),
    cautions: z.array(text).default([]),
    dosage: catalogueDosageSchema,
    dosageDecisions: z.array(dosageDecisionSchema).default([]),
    variations: z
      .object({ easier: z.array(variationSchema).default([]), harder: z.array(variationSchema).default([]) })
      .strict()
      .default({ easier: [], harder: [] }),
    /** Each seed file used, and which facts it supplied. */
    sources: z.array(z.object({ file: sourceFile, facts: text }).strict()).min(1),
    editorial: z.array(editorialSchema).default([]),
  })
  .strict()
  .superRefine((file, ctx) => {
    const lines = new Set([
      file.purpose,
      ...file.steps,
      ...file.cues,
      ...file.cautions,
      ...file.variations.easier.flatMap((v) => [v.name, v.description]),
      ...file.variations.harder.flatMap((v) => [v.name, v.description]),
    ]);
    file.editorial.forEach((e, i) => {
      if (!lines.has(e.line))
        ctx.addIssue({
          code: "custom",
          path: ["editorial", i, "line"],
          message: "must repeat, word for word, a purpose, step, cue, caution or variation of this file",
        });
    });
  });

export type ExerciseFile = z.infer<typeof exerciseFileSchema>;
export type Dosage = z.infer<typeof catalogueDosageSchema>;

export const safetyFileSchema = z
  .object({
    advice: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9-]+$/),
            title: z.string().trim().min(2).max(80),
            text,
            /** Warning signs listed under the text (the red flags). */
            signs: z.array(text).max(12).optional(),
            /** Shown first and marked as urgent on every surface. */
            urgent: z.boolean().default(false),
            /** On the printed handout: the whole advice, or its title alone where the title says it all. */
            handout: z.enum(["full", "title"]).default("full"),
            sources: z.array(sourceFile).default([]),
            /** For advice not drawn from the seeds: the guideline it follows. */
            editorial: text.optional(),
          })
          .strict()
          .refine((a) => a.sources.length > 0 || a.editorial, {
            message: "name the seed files it comes from, or mark it editorial with the guideline it follows",
          }),
      )
      .min(3),
  })
  .strict();

export type SafetyFile = z.infer<typeof safetyFileSchema>;

/** Slugs are file names: lower-case words joined by hyphens. */
export const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

import { z } from "zod";
import { isRealDate } from "@/lib/dates";
import { PROGRAMME_KINDS } from "@/lib/domain/clinic";
import { MAX_ITEMS } from "@/lib/programme/limits";
import { dosageSchema } from "./dosage";

const isoDate = z
  .string()
  .trim()
  .default("")
  .refine((v) => v === "" || isRealDate(v), "Enter a valid date.")
  .transform((v) => v || null);

const programmeItemSchema = dosageSchema.extend({ exerciseId: z.uuid("Choose an exercise from the catalogue.") });

/** One saved version's content, as the builder posts it (JSON in a single field). */
export const programmeContentSchema = z
  .object({
    title: z.string().trim().min(2, "Give the programme a title.").max(120, "Keep the title under 120 characters."),
    patientNote: z.string().trim().max(2000, "Keep the note under 2,000 characters.").default(""),
    changeNote: z.string().trim().max(500, "Keep the note on changes under 500 characters.").default(""),
    startDate: isoDate,
    reviewDate: isoDate,
    items: z
      .array(programmeItemSchema)
      .min(1, "Add at least one exercise.")
      .max(MAX_ITEMS, `A programme can hold at most ${MAX_ITEMS} exercises.`),
  })
  .refine((p) => !p.startDate || !p.reviewDate || p.reviewDate >= p.startDate, {
    path: ["reviewDate"],
    message: "The review date must be on or after the start date.",
  });

export type ProgrammeContent = z.output<typeof programmeContentSchema>;
export type ProgrammeItemInput = z.output<typeof programmeItemSchema>;

export const saveProgrammeSchema = z.object({
  programmeId: z.uuid().optional(),
  patientId: z.uuid().optional(),
  kind: z.enum(PROGRAMME_KINDS),
  /** The version the edit started from; a save on top of a newer one is a conflict. */
  baseVersion: z.coerce.number().int().min(0).max(1_000_000),
  /** "1" to email the patient what changed (a new version of a programme with a live link). */
  notify: z
    .string()
    .optional()
    .transform((v) => v === "1"),
  content: z
    .string()
    .max(200_000, "This programme is too large to save.")
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "The programme could not be read. Reload the page and try again." });
        return z.NEVER;
      }
    })
    .pipe(programmeContentSchema),
});

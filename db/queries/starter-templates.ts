import "server-only";
import { and, inArray, isNull } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { exercises } from "@/db/schema";
import type { StarterTemplate } from "@/lib/catalogue/templates";
import { createProgrammeIn } from "./programmes";

/**
 * Gives a new clinic the starter templates (read from content/templates by the caller,
 * lib/catalogue/templates.ts), inside the caller's transaction (sign-up or demo seed).
 * Exercises missing from the catalogue are skipped.
 */
export async function installStarterTemplates(
  tx: Transaction,
  actor: { clinicId: string; clinicianId: string },
  templates: StarterTemplate[],
) {
  const slugs = [...new Set(templates.flatMap((t) => t.exercises.map((e) => e.slug)))];
  const rows = await tx
    .select({ id: exercises.id, slug: exercises.slug, dosage: exercises.defaultDosage })
    .from(exercises)
    .where(and(isNull(exercises.clinicId), isNull(exercises.retiredAt), inArray(exercises.slug, slugs)));
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  for (const template of templates) {
    const items = template.exercises.flatMap(({ slug, ...override }) => {
      const exercise = bySlug.get(slug);
      if (!exercise) return [];
      const dose = { ...exercise.dosage, ...override };
      return [{ ...dose, exerciseId: exercise.id, load: dose.load ?? "", note: dose.note ?? "" }];
    });
    if (items.length === 0) continue;
    await createProgrammeIn(tx, actor, {
      kind: "template",
      content: { title: template.title, patientNote: template.note, changeNote: "", startDate: null, reviewDate: null, items },
    });
  }
}

import "server-only";
import { and, inArray, isNull } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { exercises, programmeItems, programmes, programmeVersions } from "@/db/schema";
import { loadStarterTemplates } from "@/lib/catalogue/templates";

/**
 * Gives a new clinic the starter templates from content/templates, inside the caller's
 * transaction (sign-up or demo seed). Exercises missing from the catalogue are skipped.
 */
export async function installStarterTemplates(tx: Transaction, { clinicId, clinicianId }: { clinicId: string; clinicianId: string }) {
  const templates = loadStarterTemplates();
  const slugs = [...new Set(templates.flatMap((t) => t.exercises.map((e) => e.slug)))];
  const rows = await tx
    .select({ id: exercises.id, slug: exercises.slug, dosage: exercises.defaultDosage })
    .from(exercises)
    .where(and(isNull(exercises.clinicId), isNull(exercises.retiredAt), inArray(exercises.slug, slugs)));
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  for (const template of templates) {
    const items = template.exercises.flatMap(({ slug, ...override }) => {
      const exercise = bySlug.get(slug);
      return exercise ? [{ exerciseId: exercise.id, ...exercise.dosage, ...override }] : [];
    });
    if (items.length === 0) continue;
    const [programme] = await tx
      .insert(programmes)
      .values({ clinicId, kind: "template", currentVersion: 1, createdBy: clinicianId })
      .returning({ id: programmes.id });
    await tx.insert(programmeVersions).values({ clinicId, programmeId: programme!.id, version: 1, title: template.title, patientNote: template.note, createdBy: clinicianId });
    await tx.insert(programmeItems).values(
      items.map((item, position) => ({
        clinicId,
        programmeId: programme!.id,
        version: 1,
        position,
        exerciseId: item.exerciseId,
        sets: item.sets,
        reps: item.reps,
        holdSeconds: item.holdSeconds,
        restSeconds: item.restSeconds,
        sides: item.sides,
        timesPerDay: item.timesPerDay,
        daysPerWeek: item.daysPerWeek,
        load: item.load ?? "",
        note: item.note ?? "",
      })),
    );
  }
}

import path from "node:path";
import { and, isNull, notInArray, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { exercises, type NewExercise } from "@/db/schema";
import { loadExercises, type CatalogueEntry } from "./load-content";
import { buildSearchDetail, buildSearchText } from "./search-text";

const CONTENT_DIR = path.join(process.cwd(), "content");

function toRow(entry: CatalogueEntry): NewExercise {
  return {
    clinicId: null,
    slug: entry.slug,
    name: entry.name,
    aliases: entry.aliases,
    purpose: entry.purpose,
    category: entry.category,
    bodyRegion: entry.bodyRegion,
    position: entry.position,
    equipment: entry.equipment,
    targetMuscles: entry.targetMuscles,
    tags: entry.tags,
    steps: entry.steps,
    cues: entry.cues,
    cautions: entry.cautions,
    defaultDosage: entry.dosage,
    dosageDecisions: entry.dosageDecisions,
    variations: entry.variations,
    sources: entry.sources,
    poseSlug: entry.slug,
    searchText: buildSearchText(entry),
    searchDetail: buildSearchDetail(entry),
    retiredAt: null,
  };
}

export type SyncResult = { upserted: number; retired: number };

/**
 * Brings the global catalogue in line with content/. Every file is validated before the
 * first write, and all writes share one transaction, so a bad file changes nothing.
 * Exercises whose file is gone are retired, not deleted: programmes still show them.
 */
export async function syncCatalogue(db: Database, dir = path.join(CONTENT_DIR, "exercises")): Promise<SyncResult> {
  const entries = loadExercises(dir);
  const rows = entries.map(toRow);
  return db.transaction(async (tx) => {
    if (rows.length > 0) {
      await tx
        .insert(exercises)
        .values(rows)
        .onConflictDoUpdate({
          target: exercises.slug,
          targetWhere: sql`clinic_id is null`,
          set: {
            name: sql`excluded.name`,
            aliases: sql`excluded.aliases`,
            purpose: sql`excluded.purpose`,
            category: sql`excluded.category`,
            bodyRegion: sql`excluded.body_region`,
            position: sql`excluded.position`,
            equipment: sql`excluded.equipment`,
            targetMuscles: sql`excluded.target_muscles`,
            tags: sql`excluded.tags`,
            steps: sql`excluded.steps`,
            cues: sql`excluded.cues`,
            cautions: sql`excluded.cautions`,
            defaultDosage: sql`excluded.default_dosage`,
            dosageDecisions: sql`excluded.dosage_decisions`,
            variations: sql`excluded.variations`,
            sources: sql`excluded.sources`,
            poseSlug: sql`excluded.pose_slug`,
            searchText: sql`excluded.search_text`,
            searchDetail: sql`excluded.search_detail`,
            retiredAt: sql`null`,
            updatedAt: sql`now()`,
          },
        });
    }
    const slugs = rows.map((r) => r.slug);
    const retired = await tx
      .update(exercises)
      .set({ retiredAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(isNull(exercises.clinicId), isNull(exercises.retiredAt), slugs.length > 0 ? notInArray(exercises.slug, slugs) : undefined))
      .returning({ id: exercises.id });
    return { upserted: rows.length, retired: retired.length };
  });
}

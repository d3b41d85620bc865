import "server-only";
import { and, asc, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Database, DatabaseOrTransaction } from "@/db/client";
import { exercises, type NewExercise } from "@/db/schema";
import type { Category, Position } from "@/lib/domain/exercise";
import type { CustomExerciseInput } from "@/lib/validations/exercise";
import { decodeCursor, keyColumns, keysetOrder, keysetWhere, PAGE_SIZE, toPage, type Keyset } from "@/lib/pagination";
import { recordAudit } from "./audit";

export type CatalogueFilters = {
  q?: string;
  category?: string;
  position?: string;
  equipment?: string;
  bodyRegion?: string;
};

/** A global exercise, or one of this clinic's own: nobody sees another clinic's custom exercises. */
const visibleTo = (clinicId: string) => or(isNull(exercises.clinicId), eq(exercises.clinicId, clinicId));

const cardColumns = {
  id: exercises.id,
  clinicId: exercises.clinicId,
  slug: exercises.slug,
  name: exercises.name,
  purpose: exercises.purpose,
  category: exercises.category,
  position: exercises.position,
  equipment: exercises.equipment,
  bodyRegion: exercises.bodyRegion,
  defaultDosage: exercises.defaultDosage,
  poseSlug: exercises.poseSlug,
};

export type ExerciseCard = {
  id: string;
  clinicId: string | null;
  slug: string;
  name: string;
  purpose: string;
  category: Category;
  position: Position;
  equipment: string[];
  bodyRegion: string;
  defaultDosage: NonNullable<NewExercise["defaultDosage"]>;
  poseSlug: string | null;
};

/**
 * Turns what someone typed into a prefix query ("brid" finds Bridge while typing).
 * Only letters and digits survive, so the text cannot change the query's syntax.
 */
export function prefixQuery(q: string): string | null {
  const words = q
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  return words.length > 0 ? words.map((w) => `${w}:*`).join(" & ") : null;
}

/** What this clinic may see, live, narrowed by the filters chosen. */
function filterConditions(clinicId: string, filters: CatalogueFilters): (SQL | undefined)[] {
  const conditions: (SQL | undefined)[] = [visibleTo(clinicId), isNull(exercises.retiredAt)];
  if (filters.category) conditions.push(sql`${exercises.category}::text = ${filters.category}`);
  if (filters.position) conditions.push(sql`${exercises.position}::text = ${filters.position}`);
  if (filters.bodyRegion) conditions.push(eq(exercises.bodyRegion, filters.bodyRegion));
  if (filters.equipment) conditions.push(sql`${filters.equipment} = any(${exercises.equipment})`);
  return conditions;
}

/** Browsing is by name (exercises_name_idx), id breaking ties between namesakes. */
export const exerciseKeyset: Keyset = {
  desc: false,
  parts: [
    { expr: sql`${exercises.name}`, type: "text" },
    { expr: sql`${exercises.id}`, type: "uuid" },
  ],
};

/**
 * The catalogue and the clinic's custom exercises without a search, by name, a page at a
 * time, filters applied. A search is not paged: its order is a relevance score mixing
 * full-text rank and trigram likeness, and its second pass (misspelt aliases) runs only
 * when the first finds nothing, so a cursor into it would have to carry which pass and a
 * float score that ties freely. Its best matches are capped instead (searchExercises).
 */
export async function listExercisePage(
  db: DatabaseOrTransaction,
  {
    clinicId,
    filters,
    cursor: raw,
    pageSize = PAGE_SIZE,
  }: { clinicId: string; filters: Omit<CatalogueFilters, "q">; cursor?: string; pageSize?: number },
) {
  const cursor = decodeCursor(raw, exerciseKeyset);
  const conditions = filterConditions(clinicId, filters);
  const [fetched, [count]] = await Promise.all([
    db
      .select({ ...cardColumns, pageKey: keyColumns(exerciseKeyset) })
      .from(exercises)
      .where(and(...conditions, keysetWhere(exerciseKeyset, cursor)))
      .orderBy(...keysetOrder(exerciseKeyset, cursor))
      .limit(pageSize + 1),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(exercises)
      .where(and(...conditions)),
  ]);
  return toPage(fetched as (ExerciseCard & { pageKey: unknown })[], { cursor, pageSize, total: Number(count?.n ?? 0) });
}

/**
 * Full-text search (name first, then aliases and tags, then muscles and purpose) with
 * trigram similarity for typos ("brigde"). Filters narrow; an empty query lists all.
 */
export async function searchExercises(
  db: Database,
  { clinicId, filters, limit = 60 }: { clinicId: string; filters: CatalogueFilters; limit?: number },
): Promise<ExerciseCard[]> {
  const conditions = filterConditions(clinicId, filters);
  const q = filters.q?.trim().slice(0, 100) ?? "";
  const tsq = prefixQuery(q);
  if (!tsq) {
    return db
      .select(cardColumns)
      .from(exercises)
      .where(and(...conditions))
      .orderBy(asc(exercises.name))
      .limit(limit) as Promise<ExerciseCard[]>;
  }
  const lowered = q.toLowerCase();
  const query = sql`to_tsquery('english', ${tsq})`;
  // The same words, found in the name (weight A) only.
  const inName = sql`to_tsquery('english', ${tsq.replaceAll(":*", ":*A")})`;
  const like = sql`case when lower(${exercises.name}) like ${`${lowered.replace(/[%_\\]/g, "")}%`} then 1 else 0 end`;
  const likeness = sql`similarity(lower(${exercises.name}), ${lowered})`;
  // The % operators use the trigram indexes, with thresholds set per connection (db/client.ts).
  const run = (match: SQL) =>
    db
      .select(cardColumns)
      .from(exercises)
      .where(and(...conditions, match))
      .orderBy(sql`${likeness} + ${like} desc`, asc(exercises.name))
      .limit(limit) as Promise<ExerciseCard[]>;
  // Words first (and typos in names), as two index scans whose rows never overlap: found
  // by their words, ranked by full-text rank, with how alike the name is to what was
  // typed counting only when the words are in the name ("no equipment" finds thousands
  // through aliases and tags, and working out each name's likeness was most of such a
  // search); and found by the likeness of their name alone (a typo), ranked by it. One
  // query with "words or likeness" made the planner read every exercise and work out
  // each name's likeness (a real catalogue's longer, varied names made that 3× slower).
  const rank = sql<number>`ts_rank(${exercises.search}, ${query}) * 4 + case when ${exercises.search} @@ ${inName} then ${likeness} else 0 end + ${like}`;
  const byWords = db
    .select({ ...cardColumns, rank: sql<number>`${rank}`.as("rank") })
    .from(exercises)
    .where(and(...conditions, sql`${exercises.search} @@ ${query}`));
  const byLikeness = db
    .select({ ...cardColumns, rank: sql<number>`${likeness} + ${like}`.as("rank") })
    .from(exercises)
    .where(and(...conditions, sql`lower(${exercises.name}) % ${lowered}`, sql`not ${exercises.search} @@ ${query}`));
  const found = await byWords
    .unionAll(byLikeness)
    .orderBy(sql`rank desc`, sql`name asc`)
    .limit(limit);
  // Only when nothing matches are misspelt aliases and tags tried, so "lying on front" is
  // not padded with every "lying on …".
  if (found.length > 0) return found.map(({ rank: _rank, ...card }) => card as ExerciseCard);
  return run(sql`${lowered} <% ${exercises.searchText}`);
}

export async function getExercise(db: DatabaseOrTransaction, { id, clinicId }: { id: string; clinicId: string }) {
  const [row] = await db
    .select()
    .from(exercises)
    .where(and(eq(exercises.id, id), visibleTo(clinicId)));
  if (!row) return undefined;
  // Search columns are internal; the screen never needs them.
  const { search: _search, searchText: _text, searchDetail: _detail, ...rest } = row;
  return rest;
}

export type ExerciseDetail = NonNullable<Awaited<ReturnType<typeof getExercise>>>;

/** The catalogue's filter options, from what is actually in it. */
export async function catalogueFacets(db: Database, { clinicId }: { clinicId: string }) {
  const rows = await db
    .selectDistinct({ bodyRegion: exercises.bodyRegion })
    .from(exercises)
    .where(and(visibleTo(clinicId), isNull(exercises.retiredAt)))
    .orderBy(asc(exercises.bodyRegion));
  return { bodyRegions: rows.map((r) => r.bodyRegion) };
}

/** The words search matches besides the name (lib/catalogue/search-text.ts builds them). */
export type SearchFields = { searchText: string; searchDetail: string };

function customRow(input: CustomExerciseInput, search: SearchFields) {
  return {
    name: input.name,
    aliases: input.aliases,
    purpose: input.purpose,
    category: input.category,
    bodyRegion: input.bodyRegion,
    position: input.position,
    equipment: input.equipment,
    targetMuscles: input.targetMuscles,
    tags: input.tags,
    steps: input.steps,
    cues: input.cues,
    cautions: input.cautions,
    defaultDosage: input.dosage,
    poseSlug: input.poseSlug ?? null,
    searchText: search.searchText,
    searchDetail: search.searchDetail,
  };
}

function slugify(name: string): string {
  const base = name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  return `${base || "exercise"}-${crypto.randomUUID().slice(0, 8)}`;
}

export async function insertCustomExercise(
  db: Database,
  { clinicId, clinicianId }: { clinicId: string; clinicianId: string },
  input: CustomExerciseInput,
  search: SearchFields,
  basedOnId?: string,
): Promise<string> {
  // The exercise and its audit row stand or fall together.
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(exercises)
      .values({ ...customRow(input, search), clinicId, slug: slugify(input.name), createdBy: clinicianId, basedOnId: basedOnId ?? null })
      .returning({ id: exercises.id });
    if (!row) throw new Error("custom exercise insert returned nothing");
    await recordAudit(tx, { clinicId, actorId: clinicianId, action: "exercise.created", objectType: "exercise", objectId: row.id });
    return row.id;
  });
}

/** Only the clinic's own exercises can change; the global catalogue changes through content/. */
export async function updateCustomExerciseRow(
  db: Database,
  { id, clinicId, clinicianId }: { id: string; clinicId: string; clinicianId: string },
  input: CustomExerciseInput,
  search: SearchFields,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(exercises)
      .set({ ...customRow(input, search), updatedAt: sql`now()` })
      .where(and(eq(exercises.id, id), eq(exercises.clinicId, clinicId)))
      .returning({ id: exercises.id });
    if (updated.length === 0) return false;
    await recordAudit(tx, { clinicId, actorId: clinicianId, action: "exercise.updated", objectType: "exercise", objectId: id });
    return true;
  });
}

export async function setCustomExerciseRetired(
  db: Database,
  { id, clinicId, clinicianId }: { id: string; clinicId: string; clinicianId: string },
  retired: boolean,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(exercises)
      .set({ retiredAt: retired ? sql`now()` : null, updatedAt: sql`now()` })
      .where(and(eq(exercises.id, id), eq(exercises.clinicId, clinicId)))
      .returning({ id: exercises.id });
    if (updated.length === 0) return false;
    await recordAudit(tx, {
      clinicId,
      actorId: clinicianId,
      action: retired ? "exercise.retired" : "exercise.restored",
      objectType: "exercise",
      objectId: id,
    });
    return true;
  });
}

/** Catalogue exercises whose drawings a custom exercise may reuse. */
export async function listPoseSources(db: DatabaseOrTransaction) {
  const rows = await db
    .select({ value: exercises.slug, label: exercises.name })
    .from(exercises)
    .where(and(isNull(exercises.clinicId), isNull(exercises.retiredAt)))
    .orderBy(asc(exercises.name));
  return rows;
}

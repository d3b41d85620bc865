import "server-only";
import { and, asc, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import { rowsOf, type Database, type DatabaseOrTransaction } from "@/db/client";
import { exercises, searchWords, type NewExercise } from "@/db/schema";
import { CATEGORIES, POSITIONS, type Category, type Position } from "@/lib/domain/exercise";
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

/** What someone typed, as lower-case words of letters and digits only (so it cannot change a query's syntax). */
function typedWords(q: string): string[] {
  return q
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .slice(0, 8);
}

/** Turns what someone typed into a prefix query ("brid" finds Bridge while typing). */
export function prefixQuery(q: string): string | null {
  const words = typedWords(q);
  return words.length > 0 ? words.map((w) => `${w}:*`).join(" & ") : null;
}

const isCategory = (v: string): v is Category => (CATEGORIES as readonly string[]).includes(v);
const isPosition = (v: string): v is Position => (POSITIONS as readonly string[]).includes(v);

/** What this clinic may see, live, narrowed by the filters chosen. */
function filterConditions(clinicId: string, filters: CatalogueFilters): (SQL | undefined)[] {
  const conditions: (SQL | undefined)[] = [visibleTo(clinicId), isNull(exercises.retiredAt)];
  // Compared as the enum, not as text, so the planner knows how many exercises each value
  // has (as text it guessed a handful, and sorted all 1,400 quadruped exercises by name
  // rather than read the first names in order); a value outside the enum matches nothing.
  if (filters.category) conditions.push(isCategory(filters.category) ? eq(exercises.category, filters.category) : sql`false`);
  if (filters.position) conditions.push(isPosition(filters.position) ? eq(exercises.position, filters.position) : sql`false`);
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
 * full-text rank and trigram likeness, and its fallbacks (corrected words, misspelt
 * aliases) run only when nothing is found, so a cursor into it would have to carry which
 * pass and a float score that ties freely. Its best matches are capped instead
 * (searchExercises).
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

/** The card's columns under their names in ExerciseCard, for the search's own SQL. */
const cardSql = sql.join(
  Object.entries(cardColumns).map(([key, column]) => sql`${column} as ${sql.identifier(key)}`),
  sql`, `,
);

/**
 * The exercises with every word of `tsq`, best first, at most `limit`: those whose name
 * has them all, ranked by full-text rank and by how much of the name was typed (a name
 * that starts with it first); then those with them in the name, aliases, tags and
 * everyday words together; then those with some only in muscles or purpose; these two by
 * name. Each group has its own index (search_name, search_main, search) and is read only
 * while the page has room (the count conditions are worked out once, before the scan), so
 * a broad word ("no equipment": 5,000 exercises by their tags) reads the first names in
 * order instead of ranking every match. One statement: a round trip costs more than the
 * groups left unread.
 */
async function byWords(
  db: Database,
  { conditions, tsq, typed, limit }: { conditions: (SQL | undefined)[]; tsq: string; typed: string; limit: number },
): Promise<ExerciseCard[]> {
  const query = sql`to_tsquery('english', ${tsq})`;
  const startsWith = sql`case when lower(${exercises.name}) like ${`${typed.replace(/[%_\\]/g, "")}%`} then 1 else 0 end`;
  // How much of the name the typed text covers: every word is in these names, so the
  // shorter the name the closer it is ("Bridge" before "Single-leg bridge on step"). It
  // orders them as trigram likeness did, at a fraction of its cost (4 µs a name on PostgreSQL).
  const covers = sql`least(1, ${typed.length}::real / greatest(char_length(${exercises.name}), 1))`;
  const rank = sql`ts_rank(${exercises.search}, ${query}) * 4 + ${covers} + ${startsWith}`;
  const visible = and(...conditions);
  const byName = sql`${exercises.name}, ${exercises.id}`;
  const rows = rowsOf<ExerciseCard & { grp: number; rank: number }>(
    await db.execute(sql`with
      names as (
        select ${cardSql}, ${rank} as rank from ${exercises}
        where ${visible} and ${exercises.searchName} @@ ${query}
        order by rank desc, ${byName} limit ${limit}),
      main as (
        select ${cardSql}, 0 as rank from ${exercises}
        where ${visible} and ${exercises.searchMain} @@ ${query} and not ${exercises.searchName} @@ ${query}
          and (select count(*) from names) < ${limit}
        order by ${byName} limit ${limit}),
      detail as (
        select ${cardSql}, 0 as rank from ${exercises}
        where ${visible} and ${exercises.search} @@ ${query} and not ${exercises.searchMain} @@ ${query}
          and (select count(*) from names) + (select count(*) from main) < ${limit}
        order by ${byName} limit ${limit})
      select 1 as grp, * from names union all select 2, * from main union all select 3, * from detail
      order by grp, rank desc, name, id limit ${limit}`),
  );
  return rows.map(({ grp: _grp, rank: _rank, ...card }) => card);
}

/**
 * The typed words with, for each of three letters or more, up to three words of the
 * catalogue alike to it (search_words): "brigde" → "brigde:* | bridge". Null when no word
 * has a likely correction.
 */
async function correctedQuery(db: Database, words: string[]): Promise<string | null> {
  const long = words.filter((w) => w.length >= 3);
  if (long.length === 0) return null;
  const typed = sql.join(
    long.map((w) => sql`(${w})`),
    sql`, `,
  );
  const rows = rowsOf<{ typed: string; word: string }>(
    await db.execute(sql`select t.typed, s.word from (values ${typed}) as t(typed)
      cross join lateral (
        select ${searchWords.word} as word from ${searchWords}
        where ${searchWords.word} % t.typed and ${searchWords.word} <> t.typed
        order by similarity(${searchWords.word}, t.typed) desc, ${searchWords.word} limit 3
      ) s`),
  );
  if (rows.length === 0) return null;
  return words
    .map((w) => {
      // Only letters and digits go into the query, as for what was typed.
      const alike = rows.filter((r) => r.typed === w).flatMap((r) => typedWords(r.word));
      return alike.length > 0 ? `(${[`${w}:*`, ...alike].join(" | ")})` : `${w}:*`;
    })
    .join(" & ");
}

/**
 * Full-text search (name first, then aliases and tags, then muscles and purpose, see
 * byWords). When nothing has the words, they are corrected against the catalogue's own
 * words ("brigde" finds Bridge); then names alike to what was typed, then misspelt aliases
 * and tags are tried. Filters narrow; an empty query lists all.
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
  const typed = q.toLowerCase();
  const found = await byWords(db, { conditions, tsq, typed, limit });
  if (found.length > 0) return found;
  // Only when nothing has the words are typos tried, so "lying on front" is not padded
  // with every "lying on …" or with names that merely look alike.
  const corrected = await correctedQuery(db, typedWords(q));
  if (corrected) {
    const fixed = await byWords(db, { conditions, tsq: corrected, typed, limit });
    if (fixed.length > 0) return fixed;
  }
  // A clinic's own exercises' words are not in search_words: likeness of the whole name
  // and of the aliases finds a typo in those (the % operators use the trigram indexes,
  // with thresholds set per connection in db/client.ts).
  const likeness = sql`similarity(lower(${exercises.name}), ${typed})`;
  const byName = (await db
    .select(cardColumns)
    .from(exercises)
    .where(and(...conditions, sql`lower(${exercises.name}) % ${typed}`))
    .orderBy(sql`${likeness} desc`, asc(exercises.name))
    .limit(limit)) as ExerciseCard[];
  if (byName.length > 0) return byName;
  return db
    .select(cardColumns)
    .from(exercises)
    .where(and(...conditions, sql`${typed} <% ${exercises.searchText}`))
    .orderBy(sql`${likeness} desc`, asc(exercises.name))
    .limit(limit) as Promise<ExerciseCard[]>;
}

export async function getExercise(db: DatabaseOrTransaction, { id, clinicId }: { id: string; clinicId: string }) {
  const [row] = await db
    .select()
    .from(exercises)
    .where(and(eq(exercises.id, id), visibleTo(clinicId)));
  if (!row) return undefined;
  // Search columns are internal; the screen never needs them.
  const { search: _search, searchName: _name, searchMain: _main, searchText: _text, searchDetail: _detail, ...rest } = row;
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

import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";

/*
 * Keyset pagination shared by every list that grows with a clinic. A page is found by
 * the sort key of the row next to it, never by an offset, so page 100 costs what page 1
 * costs and rows added meanwhile do not shift anyone out of reach. The cursor travels in
 * the URL as opaque base64url JSON; anything that does not parse is the first page.
 */

export const PAGE_SIZE = 50;

/** How a key value is written in the cursor and read back by PostgreSQL. */
export type KeyType = "text" | "uuid" | "int" | "numeric" | "timestamptz";
export type KeyPart = { expr: SQL; type: KeyType };
export type Keyset = { parts: KeyPart[]; desc: boolean };

const keyValue: Record<KeyType, z.ZodType<string>> = {
  text: z.string().max(400),
  uuid: z.uuid(),
  int: z.string().regex(/^-?\d{1,10}$/),
  numeric: z.string().regex(/^-?\d{1,20}(\.\d{1,12})?$/),
  timestamptz: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/),
};

const cursorSchema = z.object({
  d: z.enum(["next", "prev"]),
  k: z.array(z.string()).min(1).max(6),
  o: z.number().int().min(0).max(10_000_000),
});
export type Cursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** The cursor in `raw` if it is well formed for this keyset; otherwise null (first page). */
export function decodeCursor(raw: unknown, keyset: Keyset): Cursor | null {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = cursorSchema.safeParse(json);
  if (!parsed.success || parsed.data.k.length !== keyset.parts.length) return null;
  const valid = keyset.parts.every((p, i) => keyValue[p.type].safeParse(parsed.data.k[i]).success);
  return valid ? parsed.data : null;
}

/** The key of each row, selected as text so it round-trips exactly (timestamps to the microsecond). */
export function keyColumns(keyset: Keyset): SQL {
  const cols = keyset.parts.map((p) =>
    p.type === "timestamptz" ? sql`to_char(${p.expr} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` : sql`(${p.expr})::text`,
  );
  return sql`json_build_array(${sql.join(cols, sql`, `)})`;
}

/** Rows strictly after (or before, going back) the cursor, as one row comparison an index can serve. */
export function keysetWhere(keyset: Keyset, cursor: Cursor | null): SQL | undefined {
  if (!cursor) return undefined;
  const forward = (cursor.d === "next") !== keyset.desc;
  const left = sql.join(
    keyset.parts.map((p) => p.expr),
    sql`, `,
  );
  const right = sql.join(
    keyset.parts.map((p, i) => sql`${cursor.k[i]}::${sql.raw(p.type)}`),
    sql`, `,
  );
  return forward ? sql`(${left}) > (${right})` : sql`(${left}) < (${right})`;
}

/** The ORDER BY terms: reversed when walking back, so the LIMIT takes the rows nearest the cursor. */
export function keysetOrder(keyset: Keyset, cursor: Cursor | null): SQL[] {
  const desc = (cursor?.d === "prev") !== keyset.desc;
  return keyset.parts.map((p) => (desc ? sql`${p.expr} desc` : sql`${p.expr} asc`));
}

export type Page<T> = {
  rows: T[];
  /** Zero-based position of the first row in the whole list. */
  start: number;
  next: string | null;
  prev: string | null;
  total: number | null;
};

/**
 * Turns the `limit + 1` rows a query returned into a page: the extra row only says that
 * more exist. Each row carries its key (from keyColumns) under `pageKey`.
 */
export function toPage<T extends { pageKey: unknown }>(
  fetched: T[],
  { cursor, pageSize = PAGE_SIZE, total = null }: { cursor: Cursor | null; pageSize?: number; total?: number | null },
): Page<Omit<T, "pageKey">> {
  const more = fetched.length > pageSize;
  const rows = fetched.slice(0, pageSize);
  if (cursor?.d === "prev") rows.reverse();
  const back = cursor?.d === "prev";
  const hasNext = back ? true : more;
  const hasPrev = back ? more : cursor !== null;
  // Walking back to the first row means we are at the start, whatever the cursor thought.
  const start = hasPrev ? (cursor?.o ?? 0) : 0;
  const keyOf = (row: T | undefined) => {
    const k = row?.pageKey;
    const parsed = typeof k === "string" ? (JSON.parse(k) as unknown[]) : (k as unknown[]);
    return parsed.map(String);
  };
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    rows: rows.map(({ pageKey: _pageKey, ...rest }) => rest),
    start,
    next: hasNext && last ? encodeCursor({ d: "next", k: keyOf(last), o: start + rows.length }) : null,
    prev: hasPrev && first ? encodeCursor({ d: "prev", k: keyOf(first), o: Math.max(0, start - pageSize) }) : null,
    total,
  };
}

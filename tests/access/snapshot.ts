import { sql, type SQL } from "drizzle-orm";
import { rowsOf, type Database } from "@/db/client";

/**
 * A fingerprint of every table: row count and a hash of every row's text. `scopeClinic`
 * narrows clinic-owned tables to one clinic's rows (the clinics table to its own row);
 * tables without a clinic are always taken whole.
 */
export type Snapshot = Map<string, { rows: number; hash: string }>;

let clinicTables: Map<string, "clinic_id" | "id"> | undefined;

async function tables(db: Database): Promise<{ names: string[]; clinicColumn: Map<string, "clinic_id" | "id"> }> {
  const names = rowsOf<{ tablename: string }>(
    await db.execute(sql`select tablename from pg_tables where schemaname = 'public' order by tablename`),
  ).map((r) => r.tablename);
  if (!clinicTables) {
    clinicTables = new Map(
      rowsOf<{ table_name: string }>(
        await db.execute(
          sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'clinic_id'`,
        ),
      ).map((r) => [r.table_name, "clinic_id" as const]),
    );
    clinicTables.set("clinics", "id");
  }
  return { names, clinicColumn: clinicTables };
}

/** Every table's row count and row hash in one round trip (a per-table query each was most of the matrix's time). */
export async function snapshot(db: Database, scopeClinic?: string): Promise<Snapshot> {
  const { names, clinicColumn } = await tables(db);
  const columns = names.map((name) => {
    const column = scopeClinic ? clinicColumn.get(name) : undefined;
    const where = column ? sql` where t.${sql.identifier(column)} = ${scopeClinic}` : sql``;
    return sql`${name}::text, (select json_build_array(count(*), md5(coalesce(string_agg(t::text, E'\\n' order by t::text), ''))) from ${sql.identifier(name)} t${where})`;
  });
  const [row] = rowsOf<{ f: string | Record<string, [number, string]> }>(await db.execute(sql`select (${jsonObject(columns)})::text as f`));
  const parsed = (typeof row?.f === "string" ? JSON.parse(row.f) : (row?.f ?? {})) as Record<string, [number, string]>;
  return new Map(names.map((name) => [name, { rows: Number(parsed[name]?.[0] ?? 0), hash: String(parsed[name]?.[1] ?? "") }]));
}

/** One JSON object from key/value pairs, built in chunks: a function takes at most 100 arguments. */
export function jsonObject(pairs: SQL[]): SQL {
  const chunks: SQL[] = [];
  for (let i = 0; i < pairs.length; i += 40) chunks.push(sql`jsonb_build_object(${sql.join(pairs.slice(i, i + 40), sql`, `)})`);
  return chunks.length ? sql.join(chunks, sql` || `) : sql`'{}'::jsonb`;
}

/** The tables whose fingerprint differs, with their row counts before → after. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  const changed: string[] = [];
  for (const [name, a] of after) {
    const b = before.get(name);
    if (!b || b.hash !== a.hash) changed.push(`${name} (${b?.rows ?? 0} → ${a.rows} rows)`);
  }
  return changed;
}

/** Every row of every table as text, for finding a victim's data copied somewhere it should not be. */
export async function dumpRows(db: Database, exceptClinic: string): Promise<string> {
  const { names, clinicColumn } = await tables(db);
  const parts = names.map((name) => {
    const column = clinicColumn.get(name);
    const where = column ? sql` where t.${sql.identifier(column)} is distinct from ${exceptClinic}` : sql``;
    return sql`select t::text as r from ${sql.identifier(name)} t${where}`;
  });
  return rowsOf<{ r: string }>(await db.execute(sql.join(parts, sql` union all `)))
    .map((r) => r.r)
    .join("\n");
}

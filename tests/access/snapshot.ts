import { sql } from "drizzle-orm";
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
        await db.execute(sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'clinic_id'`),
      ).map((r) => [r.table_name, "clinic_id" as const]),
    );
    clinicTables.set("clinics", "id");
  }
  return { names, clinicColumn: clinicTables };
}

export async function snapshot(db: Database, scopeClinic?: string): Promise<Snapshot> {
  const { names, clinicColumn } = await tables(db);
  const result: Snapshot = new Map();
  for (const name of names) {
    const column = scopeClinic ? clinicColumn.get(name) : undefined;
    const where = column ? sql` where t.${sql.identifier(column)} = ${scopeClinic}` : sql``;
    const [row] = rowsOf<{ n: number; h: string }>(
      await db.execute(
        sql`select count(*)::int as n, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as h from ${sql.identifier(name)} t${where}`,
      ),
    );
    result.set(name, { rows: Number(row?.n ?? 0), hash: String(row?.h ?? "") });
  }
  return result;
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
  const parts: string[] = [];
  for (const name of names) {
    const column = clinicColumn.get(name);
    const where = column ? sql` where t.${sql.identifier(column)} is distinct from ${exceptClinic}` : sql``;
    parts.push(...rowsOf<{ r: string }>(await db.execute(sql`select t::text as r from ${sql.identifier(name)} t${where}`)).map((r) => r.r));
  }
  return parts.join("\n");
}

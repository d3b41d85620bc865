import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { migrateDatabase, openDatabase, rowsOf, type Connection, type Database } from "@/db/client";

export const driver = (process.env.TEST_DRIVER ?? "pglite") as "pglite" | "postgres";

/**
 * A migrated database for one test file: a fresh in-memory PGlite, or the shared real
 * Postgres from TEST_DATABASE_URL. Every table is emptied before each test.
 */
export function setupTestDatabase(): { db: () => Database; connection: () => Connection } {
  let connection: Connection | undefined;
  beforeAll(async () => {
    connection = await openDatabase({ url: driver === "postgres" ? process.env.TEST_DATABASE_URL : undefined });
    await migrateDatabase(connection);
  });
  beforeEach(async () => {
    await truncateAll(connection!.db);
  });
  afterAll(async () => {
    await connection?.close();
  });
  return {
    db: () => connection!.db,
    connection: () => connection!,
  };
}

export async function truncateAll(db: Database) {
  const result = await db.execute(
    sql`select tablename from pg_tables where schemaname = 'public'`,
  );
  const tables = rowsOf<{ tablename: string }>(result).map((r) => `"${r.tablename}"`);
  if (tables.length === 0) return;
  // audit_events refuses TRUNCATE through a trigger; replica mode (superuser only, which the
  // test databases are) skips triggers for this one transaction, as a restore would.
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql.raw(`truncate ${tables.join(", ")} restart identity cascade`));
  });
}

export async function countRows(db: Database, table: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql.raw(`select count(*)::int as n from "${table}"`)));
  return Number(row?.n ?? 0);
}

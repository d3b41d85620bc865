import { readFile } from "node:fs/promises";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, inject } from "vitest";
import { migrateDatabase, openDatabase, rowsOf, type Connection, type Database } from "@/db/client";

export const driver = (process.env.TEST_DRIVER ?? "pglite") as "pglite" | "postgres";

/**
 * A migrated database for one test file: a fresh in-memory PGlite started from the run's
 * migrated dump (tests/pglite-snapshot.ts), or on PostgreSQL the database of this vitest
 * worker (see `workerDatabaseUrl`). Every table is emptied before each test.
 */
export function setupTestDatabase(): { db: () => Database; connection: () => Connection } {
  let connection: Connection | undefined;
  beforeAll(async () => {
    connection =
      driver === "postgres"
        ? await openDatabase({ url: await workerDatabaseUrl() })
        : await openDatabase({ loadDataDir: new Blob([await readFile(inject("pgliteSnapshot"))]) });
    // Applies nothing to the dump or an up-to-date database; it keeps a stale one honest.
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
  const result = await db.execute(sql`select tablename from pg_tables where schemaname = 'public'`);
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

/**
 * Each vitest worker gets its own PostgreSQL database, named after TEST_DATABASE_URL's with
 * the worker's number, so the PostgreSQL files run side by side like the embedded ones. A
 * worker runs one file at a time, so a file still has its database to itself (pg_dump of
 * the whole database and advisory locks stay meaningful). tests/postgres-teardown.ts drops
 * them when the run ends.
 */
let workerUrl: Promise<string> | undefined;
export function workerDatabaseUrl(): Promise<string> {
  return (workerUrl ??= createWorkerDatabase());
}

async function createWorkerDatabase(): Promise<string> {
  const base = new URL(process.env.TEST_DATABASE_URL!);
  const name = `${base.pathname.slice(1)}_w${process.env.VITEST_POOL_ID ?? "1"}`;
  const { default: postgres } = await import("postgres");
  const admin = postgres(base.toString(), { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!exists) await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

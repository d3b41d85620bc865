import { mkdirSync } from "node:fs";
import path from "node:path";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { env } from "@/lib/env";
import { markDatabaseUnavailable } from "@/lib/errors";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Queries accept either, so a caller can compose them inside one transaction. */
export type DatabaseOrTransaction = Database | Transaction;

export type Driver = "postgres" | "pglite";
export type Connection = { db: Database; driver: Driver; close: () => Promise<void> };

const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/**
 * Per-connection settings. Catalogue search lets slightly looser trigram matches through
 * ("brigde" is 0.27 similar to "bridge"); set once per connection so a search is one
 * round trip and can still use the trigram indexes.
 *
 * random_page_cost: the default (4) prices a random read as a spinning disk. This app's
 * data sits in memory or on SSD, and at the default the planner reads every exercise
 * and works out trigram likeness row by row (35 ms at 10,000 exercises) rather than ask
 * the trigram index (12 ms). 1.1 is the usual value for SSDs.
 */
const SESSION_SETTINGS = {
  "pg_trgm.similarity_threshold": "0.25",
  "pg_trgm.word_similarity_threshold": "0.5",
  random_page_cost: "1.1",
} as const;

/**
 * Opens postgres.js when a URL is given, otherwise PGlite in `dataDir` (in memory when
 * `dataDir` is undefined, which tests use). `loadDataDir` starts PGlite from a dump of
 * another instance (`dumpDataDir`), which skips creating the cluster: the tests start
 * every file from one migrated dump in a fraction of the time.
 */
export async function openDatabase(options: { url?: string; dataDir?: string; loadDataDir?: Blob; max?: number }): Promise<Connection> {
  if (options.url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(options.url, {
      max: options.max ?? 10,
      onnotice: () => {},
      // Fail fast when the database is away so health checks answer; the pool reconnects on its own.
      connect_timeout: 5,
      idle_timeout: 30,
      connection: SESSION_SETTINGS,
    });
    const db = drizzle(client, { schema }) as unknown as Database;
    return { db, driver: "postgres", close: () => client.end({ timeout: 5 }) };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    extensions: { pg_trgm },
    // PostgreSQL's default 128 MB of shared buffers is written through at start, in this
    // process's own memory (~110 MiB of resident memory measured). A clinic's data is a
    // few tens of MB and the files stay in the OS page cache, so 16 MB costs no reads.
    startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"],
  });
  // PGlite is a single session, so a plain SET lasts for the life of the connection.
  await client.exec(
    Object.entries(SESSION_SETTINGS)
      .map(([k, v]) => `set ${k} = ${v};`)
      .join("\n"),
  );
  const db = drizzle(client, { schema }) as unknown as Database;
  return { db, driver: "pglite", close: () => client.close() };
}

export async function migrateDatabase(connection: Connection): Promise<void> {
  if (connection.driver === "postgres") {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(connection.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(connection.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}

type Cache = { homeplanConnection?: Promise<Connection> };
const globalCache = globalThis as unknown as Cache;

/**
 * The app's one connection, opened and migrated on first use. It lives on globalThis
 * so that dev reloads and Next's separate module graphs share it: PGlite allows only
 * one opener per data folder.
 */
export function getConnection(): Promise<Connection> {
  if (!globalCache.homeplanConnection) {
    const settings = env();
    const opening = (async () => {
      const connection = await openDatabase({
        url: settings.DATABASE_URL,
        dataDir: settings.DATABASE_URL ? undefined : path.resolve(settings.PGLITE_DIR),
      });
      await migrateDatabase(connection);
      return connection;
    })().catch((error: unknown) => {
      // So the error page can say "the database is away" rather than "something went wrong".
      throw markDatabaseUnavailable(error);
    });
    // A failed open is not cached: the next request tries again (the database may be starting).
    opening.catch(() => {
      if (globalCache.homeplanConnection === opening) globalCache.homeplanConnection = undefined;
    });
    globalCache.homeplanConnection = opening;
  }
  return globalCache.homeplanConnection;
}

export async function getDb(): Promise<Database> {
  return (await getConnection()).db;
}

/** `db.execute` returns `{ rows }` on PGlite and an array on postgres.js. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** The tag of the newest applied migration (e.g. "0001_init"), for /api/health. */
export async function latestMigration(db: Database): Promise<string | null> {
  const { readFileSync } = await import("node:fs");
  const { sql } = await import("drizzle-orm");
  const [row] = rowsOf<{ created_at: string | number }>(
    await db.execute(sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`),
  );
  if (!row) return null;
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
    entries: { when: number; tag: string }[];
  };
  return journal.entries.find((e) => e.when === Number(row.created_at))?.tag ?? String(row.created_at);
}

// Drops the per-worker databases tests/db.ts created beside TEST_DATABASE_URL's.
import postgres from "postgres";

export async function teardown(): Promise<void> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return;
  const prefix = `${new URL(base).pathname.slice(1)}_w`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  try {
    const rows = await admin<{ datname: string }[]>`select datname from pg_database where starts_with(datname, ${prefix})`;
    for (const { datname } of rows) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

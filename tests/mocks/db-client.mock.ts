import type { Database } from "@/db/client";

/**
 * The app's getDb() pointed at the test database, so server actions and dal.ts run
 * their real queries against it.
 */
let testDb: Database | undefined;

export function pointAppAtTestDatabase(db: () => Database) {
  testDb = undefined;
  return () => {
    testDb = db();
  };
}

export function testDatabase(): Database {
  if (!testDb) throw new Error("call the function returned by pointAppAtTestDatabase() in a beforeAll/beforeEach first");
  return testDb;
}

/** The module double for `vi.mock("@/db/client", …)`: the real module with getDb/getConnection on the test database. */
export async function dbClientDouble(importOriginal: () => Promise<unknown>) {
  const actual = (await importOriginal()) as typeof import("@/db/client");
  return {
    ...actual,
    getDb: async () => testDatabase(),
    getConnection: async () => ({
      db: testDatabase(),
      driver: (process.env.TEST_DRIVER ?? "pglite") as "pglite" | "postgres",
      close: async () => {},
    }),
  };
}

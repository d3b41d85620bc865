// Creating an embedded PostgreSQL cluster and applying every migration costs seconds of
// CPU; doing it once per run and starting each test file from the dump (tests/db.ts) is
// most of the embedded project's start-up saved. The dump lives for one run only.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase, openDatabase } from "@/db/client";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteSnapshot: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const folder = mkdtempSync(path.join(tmpdir(), "homeplan-pglite-"));
  const file = path.join(folder, "migrated.tar");
  const connection = await openDatabase({});
  try {
    await migrateDatabase(connection);
    const client = (connection.db as unknown as { $client: { dumpDataDir(compression: "none"): Promise<Blob> } }).$client;
    writeFileSync(file, Buffer.from(await (await client.dumpDataDir("none")).arrayBuffer()));
  } finally {
    await connection.close();
  }
  project.provide("pgliteSnapshot", file);
  return () => rmSync(folder, { recursive: true, force: true });
}

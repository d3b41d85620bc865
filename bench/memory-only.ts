/*
 * `npx tsx bench/memory-only.ts`: benchmark 5 (server memory on both drivers) alone, against
 * the existing build, merged into the last run's bench/.out/results.json and RESULTS.md.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runMemoryRounds } from "./memory";
import { writeResults, type BenchRun } from "./results";
import type { Seeded } from "./seed";
import { OUT_DIR, runChild } from "./server";
import { freshDatabase } from "./util";

const port = Number(process.env.BENCH_PORT ?? 3800);
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const loadBefore = os.loadavg();
const secret = randomBytes(32).toString("base64url");
const appUrl = `http://127.0.0.1:${port}`;
const database = await freshDatabase("memory");
const dir = mkdtempSync(path.join(os.tmpdir(), "homeplan-bench-pglite-"));
try {
  const pgEnv = { DATABASE_URL: database.url, AUTH_SECRET: secret, APP_URL: appUrl, SKIP_DEMO_SEED: "true" };
  const liteEnv = { PGLITE_DIR: dir, AUTH_SECRET: secret, APP_URL: appUrl, SKIP_DEMO_SEED: "true", DATABASE_URL: "" };
  const pg = runChild<Seeded>("bench/seed.ts", { reactServer: true, env: pgEnv });
  const lite = runChild<Seeded>("bench/seed.ts", { reactServer: true, env: liteEnv });
  const memory = [
    await runMemoryRounds({ driver: "postgres", port, env: pgEnv, token: pg.token, seconds }),
    await runMemoryRounds({ driver: "pglite", port, env: liteEnv, token: lite.token, seconds }),
  ];
  const file = path.join(OUT_DIR, "results.json");
  const run = JSON.parse(readFileSync(file, "utf8")) as BenchRun & { memoryLoad?: number[][] };
  run.date = new Date(run.date);
  run.memory = memory;
  run.memoryLoad = [loadBefore, os.loadavg()];
  writeFileSync(file, JSON.stringify(run, null, 2));
  console.log(JSON.stringify(memory), `load before ${loadBefore.join(", ")}, after ${os.loadavg().join(", ")}`);
  console.log(`rewrote ${writeResults(run)}`);
} finally {
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
}

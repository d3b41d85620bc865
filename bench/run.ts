/*
 * `npm run bench`: every benchmark against a production build on the local PostgreSQL,
 * results in bench/RESULTS.md. Settings (all optional):
 *   BENCH_SKIP_BUILD=1       use the existing .next build
 *   BENCH_PORT=3800          port for `next start`
 *   BENCH_SECONDS=8          length of each load run (three interleaved rounds of each)
 *   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432   server for the throwaway databases
 *   BENCH_SKIP_LIGHTHOUSE=1  JavaScript weight only
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, rmdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runMemoryRounds, type MemoryResult } from "./memory";
import { runPatientPageBench, type PatientPageResult } from "./patient-page";
import type { PdfBenchRow, PdfRounds } from "./pdf";
import { writeResults, type CatalogueResult } from "./results";
import type { Seeded } from "./seed";
import { buildApp, OUT_DIR, runChild, startServer, type RunningServer } from "./server";
import { commit, freshDatabase, machine } from "./util";
import { runWeightBench, type WeightResult } from "./weight";

const started = Date.now();
const port = Number(process.env.BENCH_PORT ?? 3800);
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const log = (message: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`);

const cleanups: (() => Promise<void> | void)[] = [];
async function cleanUp() {
  while (cleanups.length > 0) {
    try {
      await cleanups.pop()!();
    } catch (error) {
      console.error(`[bench] clean-up step failed: ${(error as Error).message}`);
    }
  }
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void cleanUp().finally(() => process.exit(130));
  });
}

/** A file under public/ for the static copy of the page; it and any folder made for it go at the end. */
function staticSlot(): { path: string; urlPath: string } {
  const name = `bench-${randomBytes(6).toString("hex")}.html`;
  const made: string[] = [];
  const dir = path.join(process.cwd(), "public", "p");
  for (let d = dir; !existsSync(d); d = path.dirname(d)) made.push(d);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, "");
  cleanups.push(() => {
    rmSync(file, { force: true });
    // Deepest first; a folder that has gained other files stays.
    for (const folder of made) if (readdirSync(folder).length === 0) rmdirSync(folder);
  });
  // /p/ as for the page itself, so both get the same response headers from next.config.ts.
  return { path: file, urlPath: `/p/${name}` };
}

async function main() {
  const loadAtStart = os.loadavg();
  if (!process.env.BENCH_SKIP_BUILD) {
    log("next build");
    buildApp();
  }
  const database = await freshDatabase("app");
  cleanups.push(() => database.drop());
  const secret = randomBytes(32).toString("base64url");
  const appUrl = `http://127.0.0.1:${port}`;
  const appEnv = { DATABASE_URL: database.url, AUTH_SECRET: secret, APP_URL: appUrl, SKIP_DEMO_SEED: "true" };

  log("seeding a clinic, a patient, an 8-exercise programme and a live link");
  const seeded = runChild<Seeded>("bench/seed.ts", { reactServer: true, env: appEnv });
  const slot = staticSlot();

  log(`next start on port ${port}`);
  const server: RunningServer = await startServer({ port, env: appEnv });
  cleanups.push(() => server.stop());

  log(`1 and 5: patient page and static copy, ${seconds} s each at 50 connections`);
  const page: PatientPageResult = await runPatientPageBench({
    baseUrl: server.url,
    token: seeded.token,
    serverPid: server.pid,
    staticFile: slot,
    seconds,
    writeFile: (file, data) => writeFileSync(file, data),
  });

  log("4: JavaScript weight and Lighthouse");
  const weight: WeightResult = await runWeightBench({
    baseUrl: server.url,
    token: seeded.token,
    baselinePath: "/no-such-page",
    lighthouse: !process.env.BENCH_SKIP_LIGHTHOUSE,
  });
  await server.stop();

  log(`5: memory on postgres.js, 3 fresh starts, ${seconds} s of patient-page load each`);
  const memory: MemoryResult[] = [await runMemoryRounds({ driver: "postgres", port, env: appEnv, token: seeded.token, seconds })];

  log("5: memory on the embedded PGlite: seeding a data folder, then 3 fresh starts");
  const pgliteDir = mkdtempSync(path.join(os.tmpdir(), "homeplan-bench-pglite-"));
  cleanups.push(() => rmSync(pgliteDir, { recursive: true, force: true }));
  const pgliteEnv = { PGLITE_DIR: pgliteDir, AUTH_SECRET: secret, APP_URL: appUrl, SKIP_DEMO_SEED: "true", DATABASE_URL: "" };
  const pgliteSeeded = runChild<Seeded>("bench/seed.ts", { reactServer: true, env: pgliteEnv });
  memory.push(await runMemoryRounds({ driver: "pglite", port, env: pgliteEnv, token: pgliteSeeded.token, seconds }));

  log("2: handout PDF (separate process, no react-server condition)");
  const pdf = runChild<{ rows: PdfBenchRow[] } & PdfRounds>("bench/child.ts", { reactServer: false, args: ["pdf"] });

  log("3: catalogue search at 10,000 exercises on both drivers (separate processes)");
  const catalogue = (["postgres", "pglite"] as const).map((driver) =>
    runChild<CatalogueResult>("bench/child.ts", { reactServer: true, args: ["catalogue", driver] }),
  );

  const run = {
    date: new Date(),
    commit: commit(),
    machine: machine(),
    loadAtStart,
    loadAtEnd: os.loadavg(),
    totalSeconds: (Date.now() - started) / 1000,
    page,
    pdf: pdf.rows,
    pdfRounds: pdf.rounds,
    catalogue,
    memory,
    weight,
  };
  writeFileSync(path.join(OUT_DIR, "results.json"), JSON.stringify(run, null, 2));
  const file = writeResults(run);
  log(`results in ${path.relative(process.cwd(), file)}`);
}

try {
  await main();
} catch (error) {
  console.error(`[bench] failed: ${(error as Error).stack ?? error}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}

// `npm test`: every check the README promises, with one summary line at the end.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { ensureChromium } from "./ensure-chromium";
import { ensureReaders } from "./ensure-readers";

type Step = { name: string; passed: number; failed: number };
const steps: Step[] = [];
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(cmd: string, args: string[]): number {
  return spawnSync(cmd, args, { stdio: "inherit", env }).status ?? 1;
}

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : undefined;
}

/** Runs beside the rest with its output held back, then printed whole under its name; resolves to the exit status. */
function inBackground(name: string, cmd: string, args: string[], extraEnv: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: { ...env, ...extraEnv } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (status) => {
      console.log(`\n━━ ${name}`);
      process.stdout.write(output);
      resolve(status ?? 1);
    });
  });
}

const check = (name: string, args: string[]) =>
  inBackground(name, "node", args).then((status) => {
    steps.push({ name, passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1 });
  });

// Debian's packages first, one apt at a time, before anything runs side by side.
ensureReaders();
ensureChromium();
rmSync("test-results/vitest.json", { force: true });
rmSync("test-results/e2e.json", { force: true });

/*
 * The browser tests spend most of their time waiting on pages, transitions and the player's
 * timers, while Vitest keeps both cores busy; so the
 * production build and the browser run start at once and run beside everything else. The
 * typecheck below covers the build's code (HOMEPLAN_BUILD_TYPECHECKED), and a failed
 * typecheck still fails the run.
 */
const e2eRun = inBackground("end-to-end (production build, Chromium)", "node", ["node_modules/tsx/dist/cli.mjs", "scripts/e2e.ts"], {
  HOMEPLAN_BUILD_TYPECHECKED: "1",
});

// Types, lint and format are single-threaded: side by side, each printed whole when done.
await Promise.all([
  check("typecheck", ["node_modules/typescript/bin/tsc", "--noEmit"]),
  check("lint", ["node_modules/eslint/bin/eslint.js", "--max-warnings=0", "."]),
  check("format", ["node_modules/prettier/bin/prettier.cjs", "--check", "."]),
]);

console.log(
  `\n━━ unit and integration (PGlite${env.TEST_DATABASE_URL ? " and PostgreSQL" : " only; set TEST_DATABASE_URL to add PostgreSQL"})`,
);
const vitestStatus = run("node", [
  "node_modules/vitest/vitest.mjs",
  "run",
  "--reporter=default",
  "--reporter=json",
  "--outputFile.json=test-results/vitest.json",
]);
const vitest = readJson<{ numPassedTests: number; numFailedTests: number }>("test-results/vitest.json");
steps.push({
  name: "vitest",
  passed: vitest?.numPassedTests ?? 0,
  failed: vitest ? vitest.numFailedTests + (vitestStatus !== 0 && vitest.numFailedTests === 0 ? 1 : 0) : 1,
});

const e2eStatus = await e2eRun;
const e2e = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>("test-results/e2e.json");
steps.push({
  name: "e2e",
  passed: e2e ? e2e.stats.expected + e2e.stats.flaky : 0,
  failed: e2e ? e2e.stats.unexpected + (e2eStatus !== 0 && e2e.stats.unexpected === 0 ? 1 : 0) : 1,
});

const passed = steps.reduce((n, s) => n + s.passed, 0);
const failed = steps.reduce((n, s) => n + s.failed, 0);
console.log("\n━━ summary");
for (const s of steps) console.log(`  ${s.failed ? "✗" : "✓"} ${s.name}: ${s.passed} passed, ${s.failed} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

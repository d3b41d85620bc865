// `npm test`: every check the README promises, in order, with one summary line at the end.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { ensureReaders } from "./ensure-readers";

type Step = { name: string; passed: number; failed: number };
const steps: Step[] = [];
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(cmd: string, args: string[], extraEnv: Record<string, string> = {}): number {
  return spawnSync(cmd, args, { stdio: "inherit", env: { ...env, ...extraEnv } }).status ?? 1;
}

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : undefined;
}

// Types, lint and format are single-threaded: run them side by side, each printed whole when done.
function checkInBackground(name: string, cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (status) => {
      console.log(`\n━━ ${name}`);
      process.stdout.write(output);
      steps.push({ name, passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1 });
      resolve();
    });
  });
}

await Promise.all([
  checkInBackground("typecheck", "node", ["node_modules/typescript/bin/tsc", "--noEmit"]),
  checkInBackground("lint", "node", ["node_modules/eslint/bin/eslint.js", "--max-warnings=0", "."]),
  checkInBackground("format", "node", ["node_modules/prettier/bin/prettier.cjs", "--check", "."]),
]);

console.log(
  `\n━━ unit and integration (PGlite${env.TEST_DATABASE_URL ? " and PostgreSQL" : " only; set TEST_DATABASE_URL to add PostgreSQL"})`,
);
ensureReaders();
rmSync("test-results/vitest.json", { force: true });
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

console.log("\n━━ end-to-end (production build, Chromium)");
rmSync("test-results/e2e.json", { force: true });
// The typecheck above covered the build's code; a failed typecheck still fails the run.
const e2eStatus = run("node", ["node_modules/tsx/dist/cli.mjs", "scripts/e2e.ts"], { HOMEPLAN_BUILD_TYPECHECKED: "1" });
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

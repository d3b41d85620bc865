// `npm run test:e2e`: production build, then Playwright against it in Debian's Chromium.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { ensureChromium } from "./ensure-chromium";

ensureChromium();
// Each run starts on an empty embedded database; remove the folders of earlier runs.
for (const name of existsSync(".data") ? readdirSync(".data") : []) {
  if (name.startsWith("e2e-")) rmSync(`.data/${name}`, { recursive: true, force: true });
}
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" } as NodeJS.ProcessEnv;
const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { stdio: "inherit", env }).status ?? 1;

if (!process.env.E2E_SKIP_BUILD) {
  const built = run("node", ["node_modules/next/dist/bin/next", "build"]);
  if (built !== 0) process.exit(built);
}
process.exit(run("node", ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)]));

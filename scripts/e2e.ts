// `npm run test:e2e`: production build, then Playwright against it in Debian's Chromium,
// with a real SMTP server for the app to send to.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { MAIL_DIR, startSmtpPeer } from "../e2e/support/smtp-peer";
import { ensureChromium } from "./ensure-chromium";

ensureChromium();
// Each run starts on an empty embedded database and an empty mail folder.
for (const name of existsSync(".data") ? readdirSync(".data") : []) {
  if (name.startsWith("e2e-")) rmSync(`.data/${name}`, { recursive: true, force: true });
}
rmSync(MAIL_DIR, { recursive: true, force: true });

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" } as NodeJS.ProcessEnv;
if (!process.env.E2E_SKIP_BUILD) {
  // Under `npm test` the typecheck step has already run (scripts/test.ts sets this).
  // A CI clone is built once and thrown away: no Turbopack cache to write (next.config.ts),
  // and Next's advice to keep one between CI runs, printed as a warning, does not apply.
  const buildEnv = process.env.CI ? { ...env, CI: undefined, HOMEPLAN_BUILD_ONCE: "1" } : env;
  const built = spawnSync("node", ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env: buildEnv }).status ?? 1;
  if (built !== 0) process.exit(built);
}

const smtp = await startSmtpPeer();
// Playwright runs as a child so this process keeps answering SMTP meanwhile.
const child = spawn("node", ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...env, E2E_SMTP_URL: smtp.url },
});
const code: number = await new Promise((resolve) => child.on("exit", (c) => resolve(c ?? 1)));
await smtp.close();
process.exit(code);

import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM, CHROMIUM_ARGS } from "./scripts/ensure-chromium";

/**
 * e2e runs against a production build (`next build` first; scripts/e2e.ts does it) on
 * a fresh embedded database, in Debian's Chromium. Playwright never downloads a browser.
 */
const PORT = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${PORT}`;
const dataDir = process.env.E2E_DATA_DIR ?? `.data/e2e-${Date.now()}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  // Spec files run two at a time against the one server (most of a test is waiting on it; three
  // timed tests out on a busy two-core machine);
  // tests inside a file stay in order. Specs make their own patients and accounts.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
  },
  projects: [{ name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } } }],
  webServer: {
    // Node closes a kept-alive socket after 5 idle seconds. Playwright's request client may send
    // on it at that same instant and get ECONNRESET (a browser retries such a GET; this client does
    // not), which a busy machine made happen after a slow step. Idle sockets stay open longer here.
    command: `node node_modules/next/dist/bin/next start -p ${PORT} -H 127.0.0.1 --keepAliveTimeout 120000`,
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PGLITE_DIR: dataDir,
      DATABASE_URL: "",
      AUTH_SECRET: "e2e-only-secret-0123456789abcdefghijklmnop",
      APP_URL: baseURL,
      PORT: String(PORT),
      DEV_MAILBOX: "true",
      DEMO_DATA: "true",
      SMTP_URL: process.env.E2E_SMTP_URL ?? "",
    },
  },
});

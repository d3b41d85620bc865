// Makes sure Debian's Chromium is present for the e2e tests; Playwright never downloads one.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Headless flags for this kind of machine: no sandbox as root, no calls home on a closed network. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/** Installs Debian packages when this machine can (root with apt); says whether it tried. */
export function aptInstall(packages: string[], why: string): boolean {
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
  if (!isRoot || !hasApt) return false;
  console.log(`${why}: installing Debian's ${packages.join(", ")} with apt-get …`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const install = () => spawnSync("apt-get", ["install", "-y", "--no-install-recommends", ...packages], { stdio: "inherit", env }).status;
  // A fresh machine may have no package lists yet.
  if (install() !== 0) {
    execFileSync("apt-get", ["update"], { stdio: "inherit", env });
    install();
  }
  return true;
}

export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  if (aptInstall(["chromium"], "[e2e] Chromium is missing") && existsSync(CHROMIUM)) return;
  console.error(
    `[e2e] Chromium was not found at ${CHROMIUM}.\n` +
      `      Install it with:  sudo apt-get install -y chromium\n` +
      `      or point CHROMIUM_PATH at an existing Chromium or Chrome binary.`,
  );
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureChromium();

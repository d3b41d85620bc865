import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";

export const OUT_DIR = path.join(process.cwd(), "bench", ".out");

const quiet = { NEXT_TELEMETRY_DISABLED: "1" };

/** `next build` in production mode, output to bench/.out/build.log. */
export function buildApp(): void {
  mkdirSync(OUT_DIR, { recursive: true });
  const result = spawnSync("node", ["node_modules/next/dist/bin/next", "build"], {
    env: { ...process.env, ...quiet, NODE_ENV: "production" },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const log = `${result.stdout ?? ""}${result.stderr ?? ""}`;
  createWriteStream(path.join(OUT_DIR, "build.log")).end(log);
  if (result.status !== 0) throw new Error(`next build failed (bench/.out/build.log):\n${log.slice(-2000)}`);
}

/** Runs a TypeScript file in a child process and returns the JSON it prints on its last line. */
export function runChild<T>(file: string, options: { reactServer: boolean; env?: Record<string, string>; args?: string[] }): T {
  const result = spawnSync(
    "node",
    ["node_modules/tsx/dist/cli.mjs", ...(options.reactServer ? ["--conditions=react-server"] : []), file, ...(options.args ?? [])],
    { env: { ...process.env, NODE_ENV: "production", ...options.env }, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.status !== 0) throw new Error(`${file} failed:\n${(result.stderr ?? "").slice(-3000)}`);
  const lines = (result.stdout ?? "").trim().split("\n");
  return JSON.parse(lines[lines.length - 1]!) as T;
}

export type RunningServer = { pid: number; url: string; stop: () => Promise<void> };

/**
 * `next start` as a direct child (not through npx), so the PID is the server's own and
 * its /proc/<pid>/status is the server's memory.
 */
export async function startServer(options: { port: number; env: Record<string, string>; nodeArgs?: string[] }): Promise<RunningServer> {
  mkdirSync(OUT_DIR, { recursive: true });
  const log = createWriteStream(path.join(OUT_DIR, "server.log"), { flags: "a" });
  const child: ChildProcess = spawn(
    "node",
    [...(options.nodeArgs ?? []), "node_modules/next/dist/bin/next", "start", "-p", String(options.port)],
    {
      env: { ...process.env, ...quiet, NODE_ENV: "production", PORT: String(options.port), ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitForHealth(url, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { pid: child.pid!, url, stop };
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode} (bench/.out/server.log)`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the server did not become healthy within 60 s (bench/.out/server.log)");
}

/*
 * Server memory on one driver, three times over: each round starts `next start` afresh,
 * reads its resident memory once start-up is done (idle), then samples it every 100 ms
 * while the patient page is under load at 50 connections (peak). Driven by bench/run.ts.
 */
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { CONNECTIONS } from "./patient-page";
import { startServer } from "./server";

export type MemoryRound = { idleMb: number; peakMb: number; hwmMb: number; requestsPerSecond: number; requests: number };
export type MemoryResult = { driver: "postgres" | "pglite"; seconds: number; rounds: MemoryRound[] };

export function readStatusMb(pid: number, field: "VmRSS" | "VmHWM"): number {
  const match = readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
  return match ? Number(match[1]) / 1024 : NaN;
}

/** Waits until the server's memory has stopped moving (start-up work done), at most `maxMs`. */
async function settle(pid: number, maxMs = 15_000): Promise<number> {
  let last = readStatusMb(pid, "VmRSS");
  const deadline = Date.now() + maxMs;
  await new Promise((resolve) => setTimeout(resolve, 3000));
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = readStatusMb(pid, "VmRSS");
    if (Math.abs(now - last) < 2) return now;
    last = now;
  }
  return readStatusMb(pid, "VmRSS");
}

export async function runMemoryRounds(options: {
  driver: "postgres" | "pglite";
  port: number;
  env: Record<string, string>;
  token: string;
  seconds: number;
  rounds?: number;
  /** Node options for `next start` (a heap limit to compare), none by default. */
  nodeArgs?: string[];
}): Promise<MemoryResult> {
  const rounds: MemoryRound[] = [];
  for (let round = 0; round < (options.rounds ?? 3); round += 1) {
    const server = await startServer({ port: options.port, env: options.env, nodeArgs: options.nodeArgs });
    try {
      const idleMb = await settle(server.pid);
      const url = `${server.url}/p/${options.token}`;
      // Warm-up until the page answers steadily (route code loaded, JIT, pools), so the
      // sampled run is load and not start-up; on a busy machine that takes a while.
      for (let i = 0; i < 6; i += 1) {
        const warm = await autocannon({ url, connections: CONNECTIONS, duration: 3, timeout: 30 });
        if (warm.requests.total / warm.duration >= 5) break;
      }
      let peakMb = 0;
      const timer = setInterval(() => {
        try {
          peakMb = Math.max(peakMb, readStatusMb(server.pid, "VmRSS"));
        } catch {
          // The server is gone; autocannon reports the errors.
        }
      }, 100);
      const result = await autocannon({ url, connections: CONNECTIONS, duration: options.seconds, timeout: 30 });
      clearInterval(timer);
      if (result.non2xx > 0 || result.errors > 0)
        throw new Error(`${options.driver}: ${result.non2xx} non-2xx and ${result.errors} errors under load`);
      rounds.push({
        idleMb,
        peakMb,
        hwmMb: readStatusMb(server.pid, "VmHWM"),
        requestsPerSecond: result.requests.total / result.duration,
        requests: result.requests.total,
      });
    } finally {
      await server.stop();
    }
  }
  return { driver: options.driver, seconds: options.seconds, rounds };
}

/*
 * Benchmark 1 (the patient page under load, against the same HTML as a static file from
 * the same server) and 5 (the server's memory meanwhile). Driven by bench/run.ts.
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import { gzipSync } from "node:zlib";
import autocannon, { type Result } from "autocannon";

export const CONNECTIONS = 50;

export type LoadFigures = {
  url: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
};
export type PatientPageResult = {
  htmlBytes: number;
  htmlGzipBytes: number;
  seconds: number;
  dynamic: LoadFigures;
  static: LoadFigures;
  ratio: number;
  aloneDynamicMs: number;
  aloneStaticMs: number;
  floor: LoadFigures & { aloneMs: number; path: string };
  /** Each round runs the page, the static file and /sign-in in turn; the figures above are the median round's by ratio. */
  rounds: { dynamic: LoadFigures; static: LoadFigures; floor: LoadFigures; ratio: number }[];
  memory: { idleRssMb: number; peakRssMb: number; hwmMb: number; samples: number };
};

function figures(url: string, result: Result): LoadFigures {
  return {
    url,
    requestsPerSecond: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function load(url: string, seconds: number, connections = CONNECTIONS): Promise<LoadFigures> {
  const result = await autocannon({ url, connections, duration: seconds, timeout: 30 });
  const out = figures(url, result);
  if (out.non2xx > 0 || out.errors > 0) throw new Error(`${url}: ${out.non2xx} non-2xx responses and ${out.errors} errors under load`);
  return out;
}

/** Median wall time of `count` requests one after another on one kept-alive connection, body read in full. */
export async function aloneMs(url: string, count = 200): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const one = () =>
    new Promise<number>((resolve, reject) => {
      const start = performance.now();
      http
        .get(url, { agent }, (response) => {
          response.on("data", () => {});
          response.on("end", () =>
            response.statusCode === 200 ? resolve(performance.now() - start) : reject(new Error(`${url}: ${response.statusCode}`)),
          );
        })
        .on("error", reject);
    });
  for (let i = 0; i < 20; i += 1) await one();
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) times.push(await one());
  agent.destroy();
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function readStatusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  const match = readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
  return match ? Number(match[1]) : NaN;
}

/** Samples the server's resident memory every 100 ms until stopped. */
function sampleMemory(pid: number) {
  let peak = 0;
  let samples = 0;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, readStatusKb(pid, "VmRSS"));
      samples += 1;
    } catch {
      // The server is gone; run.ts reports that.
    }
  }, 100);
  return {
    stop: () => {
      clearInterval(timer);
      return { peakRssMb: peak / 1024, hwmMb: readStatusKb(pid, "VmHWM") / 1024, samples };
    },
  };
}

/**
 * `staticFile` is a file under public/ that existed when the server started (Next lists
 * public/ once at start) and whose bytes are replaced here with the page's own HTML.
 */
export async function runPatientPageBench(options: {
  baseUrl: string;
  token: string;
  serverPid: number;
  staticFile: { path: string; urlPath: string };
  seconds: number;
  writeFile: (path: string, data: Buffer) => void;
}): Promise<PatientPageResult> {
  const pageUrl = `${options.baseUrl}/p/${options.token}`;
  const staticUrl = `${options.baseUrl}${options.staticFile.urlPath}`;
  const floorPath = "/sign-in";

  // Let start-up work (the handout renderer's warm-up) finish before taking the idle figure.
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const idleRssMb = readStatusKb(options.serverPid, "VmRSS") / 1024;
  const response = await fetch(pageUrl);
  const html = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200 || !html.includes("Your exercises")) throw new Error(`the patient page did not render (${response.status})`);
  options.writeFile(options.staticFile.path, html);
  const check = await fetch(staticUrl);
  if (!check.ok || (await check.arrayBuffer()).byteLength !== html.length) throw new Error("the static copy is not served whole");

  // Interleaved: each round loads the page, the static copy and /sign-in in turn (A B C A
  // B C …), so load from other processes falls on all three alike. One warm-up each first
  // (JIT, connection pool, the page cache, Postgres's own caches).
  const floorUrl = `${options.baseUrl}${floorPath}`;
  for (const url of [pageUrl, staticUrl, floorUrl]) await load(url, 3);
  let peak = 0;
  let samples = 0;
  const rounds: PatientPageResult["rounds"] = [];
  for (let round = 0; round < 3; round += 1) {
    const memory = sampleMemory(options.serverPid);
    const dynamic = await load(pageUrl, options.seconds);
    const mem = memory.stop();
    peak = Math.max(peak, mem.peakRssMb);
    samples += mem.samples;
    const staticRound = await load(staticUrl, options.seconds);
    const floorRound = await load(floorUrl, options.seconds);
    rounds.push({ dynamic, static: staticRound, floor: floorRound, ratio: dynamic.requestsPerSecond / staticRound.requestsPerSecond });
  }
  // A round in which nothing was served (a saturated machine) has no ratio: it sorts first.
  const median = [...rounds].sort((a, b) => (Number.isFinite(a.ratio) ? a.ratio : -1) - (Number.isFinite(b.ratio) ? b.ratio : -1))[1]!;
  const mem = { peakRssMb: peak, hwmMb: readStatusKb(options.serverPid, "VmHWM") / 1024, samples };
  const dynamic = median.dynamic;
  const staticFigures = median.static;
  const floor = median.floor;

  const aloneDynamicMs = await aloneMs(pageUrl);
  const aloneStaticMs = await aloneMs(staticUrl);
  const floorAloneMs = await aloneMs(`${options.baseUrl}${floorPath}`);

  return {
    htmlBytes: html.length,
    htmlGzipBytes: gzipSync(html).length,
    seconds: options.seconds,
    dynamic,
    static: staticFigures,
    ratio: dynamic.requestsPerSecond / staticFigures.requestsPerSecond,
    aloneDynamicMs,
    aloneStaticMs,
    floor: { ...floor, aloneMs: floorAloneMs, path: floorPath },
    rounds,
    memory: { idleRssMb, ...mem },
  };
}

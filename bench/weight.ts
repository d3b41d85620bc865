/*
 * Benchmark 4: the JavaScript a browser loads for the patient page and the player, and
 * Lighthouse's mobile scores for both. Driven by bench/run.ts.
 */
import { CHROMIUM_ARGS } from "../scripts/ensure-chromium";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";

export type Script = { url: string; gzipBytes: number };
export type PageWeight = { path: string; status: number; scripts: Script[]; totalGzip: number; ownGzip: number };
export type LighthouseScores = {
  path: string;
  performance: number;
  accessibility: number;
  metrics: Record<string, string>;
  failedAccessibility: string[];
  /** Performance score of every run, lowest first. */
  runs?: number[];
};

const LIGHTHOUSE_RUNS = 3;
export type WeightResult = {
  baseline: PageWeight;
  pages: PageWeight[];
  lighthouse: { version: string; pages: LighthouseScores[] } | { error: string };
};

/** Every script the page loads on first visit (empty cache), each gzipped here at zlib's default level. */
async function scriptsOf(browser: import("@playwright/test").Browser, url: string): Promise<{ status: number; scripts: Script[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const pending: Promise<Script | null>[] = [];
  page.on("response", (response) => {
    const isScript = response.request().resourceType() === "script" || /\.m?js(\?|$)/.test(new URL(response.url()).pathname);
    if (!isScript) return;
    pending.push(
      response
        .body()
        .then((body) => ({ url: new URL(response.url()).pathname, gzipBytes: gzipSync(body).length }))
        .catch(() => null),
    );
  });
  const response = await page.goto(url, { waitUntil: "networkidle" });
  const scripts = (await Promise.all(pending)).filter((s): s is Script => s !== null);
  await context.close();
  return { status: response?.status() ?? 0, scripts };
}

export async function runWeightBench(options: {
  baseUrl: string;
  token: string;
  baselinePath: string;
  lighthouse: boolean;
}): Promise<WeightResult> {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const sum = (scripts: Script[]) => scripts.reduce((total, s) => total + s.gzipBytes, 0);
  let baseline: PageWeight;
  const pages: PageWeight[] = [];
  try {
    const base = await scriptsOf(browser, `${options.baseUrl}${options.baselinePath}`);
    baseline = { path: options.baselinePath, status: base.status, scripts: base.scripts, totalGzip: sum(base.scripts), ownGzip: 0 };
    const framework = new Set(base.scripts.map((s) => s.url));
    for (const path of [`/p/${options.token}`, `/p/${options.token}/play`]) {
      const { status, scripts } = await scriptsOf(browser, `${options.baseUrl}${path}`);
      if (status !== 200) throw new Error(`${path} answered ${status}`);
      pages.push({ path, status, scripts, totalGzip: sum(scripts), ownGzip: sum(scripts.filter((s) => !framework.has(s.url))) });
    }
  } finally {
    await browser.close();
  }
  const lighthouse = options.lighthouse
    ? await runLighthouse(
        options.baseUrl,
        pages.map((p) => p.path),
      ).catch((error: Error) => ({ error: error.message }))
    : { error: "skipped (BENCH_SKIP_LIGHTHOUSE)" };
  return { baseline, pages, lighthouse };
}

type LighthouseResult = {
  lhr: {
    lighthouseVersion: string;
    runtimeError?: { message: string };
    categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
    audits: Record<string, { score: number | null; displayValue?: string; title: string }>;
  };
};
type Lighthouse = (url: string, flags: Record<string, unknown>) => Promise<LighthouseResult | undefined>;
type ChromeLauncher = {
  launch: (options: { chromePath: string; chromeFlags: string[] }) => Promise<{ port: number; kill: () => void | Promise<void> }>;
};

/**
 * Lighthouse with its default (mobile) settings, in the system Chromium. It is left out
 * of the default install (Lighthouse 13 needs Node 22, the app runs on Node 20): without
 * it the results say so instead of failing the run.
 */
async function runLighthouse(baseUrl: string, paths: string[]): Promise<{ version: string; pages: LighthouseScores[] }> {
  const load = (name: string) => import(/* webpackIgnore: true */ name) as Promise<{ default: unknown }>;
  let lighthouse: Lighthouse;
  let launcher: ChromeLauncher;
  try {
    lighthouse = (await load("lighthouse")).default as Lighthouse;
    launcher = (await load("chrome-launcher")) as unknown as ChromeLauncher;
  } catch {
    throw new Error(
      "the lighthouse and chrome-launcher packages are not installed (on Node 22: npm install --no-save lighthouse@13 chrome-launcher)",
    );
  }
  const chrome = await launcher.launch({ chromePath: "/usr/bin/chromium", chromeFlags: ["--headless=new", ...CHROMIUM_ARGS] });
  try {
    const pages: LighthouseScores[] = [];
    let version = "";
    for (const path of paths) {
      const runs: LighthouseScores[] = [];
      for (let run = 0; run < LIGHTHOUSE_RUNS; run += 1) {
        const result = await lighthouse(`${baseUrl}${path}`, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility"],
        });
        if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
        const { lhr } = result;
        if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
        version = lhr.lighthouseVersion;
        runs.push(scoresOf(path, lhr));
      }
      // The run with the median performance score, as Lighthouse's own advice for noisy machines.
      runs.sort((a, b) => a.performance - b.performance);
      pages.push({ ...runs[Math.floor(runs.length / 2)]!, runs: runs.map((r) => r.performance) });
    }
    return { version, pages };
  } finally {
    await chrome.kill();
  }
}

function scoresOf(path: string, lhr: LighthouseResult["lhr"]): LighthouseScores {
  const metric = (id: string) => lhr.audits[id]?.displayValue ?? "n/a";
  return {
    path,
    performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
    metrics: {
      FCP: metric("first-contentful-paint"),
      LCP: metric("largest-contentful-paint"),
      TBT: metric("total-blocking-time"),
      CLS: metric("cumulative-layout-shift"),
      "Speed Index": metric("speed-index"),
    },
    failedAccessibility: (lhr.categories.accessibility?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => lhr.audits[ref.id]!.title),
  };
}

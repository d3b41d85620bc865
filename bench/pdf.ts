/*
 * Handout PDF speed: react-pdf cold, warm and cached, against Chromium's print-to-PDF of
 * the same handout as HTML. Run: NODE_ENV=production npx tsx bench/pdf.ts
 *
 * Each round renders every variant once, so load from other processes falls on all of
 * them alike. Wall-clock time is what a user waits; CPU time (this process for react-pdf,
 * every Chromium process for Chromium) is the work done, and stays comparable on a busy
 * machine, where single-threaded react-pdf loses more wall time than multi-process Chromium.
 */
import { CHROMIUM_ARGS } from "../scripts/ensure-chromium";
import { readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import type { HandoutInput } from "@/lib/pdf/render";

// React picks its production build when first loaded; everything below is imported lazily.
(process.env as Record<string, string | undefined>).NODE_ENV ??= "production";

export type PdfBenchRow = { name: string; medianMs: number; p95Ms: number | null; cpuMs: number | null; runs: number; note: string };

function quantile(times: number[], q: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function pageCount(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page\b/g)?.length ?? 0;
}

/** CPU milliseconds used so far by this process's descendants (the Chromium processes), from /proc. */
function childrenCpuMs(): number {
  const parents = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parents.set(Number(name), Number(fields[1]));
      ticks.set(Number(name), Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  for (const [pid, used] of ticks) {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) {
      if (p === process.pid) {
        total += used;
        break;
      }
    }
  }
  return total * 10; // USER_HZ is 100 on Linux.
}

/** Wall and CPU time of one call to fn. */
async function measure<T>(fn: () => Promise<T>, cpu: () => number): Promise<{ wall: number; cpu: number; result: T }> {
  const cpuStart = cpu();
  const start = performance.now();
  const result = await fn();
  return { wall: performance.now() - start, cpu: cpu() - cpuStart, result };
}

const ownCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

class Series {
  wall: number[] = [];
  cpu: number[] = [];
  add(sample: { wall: number; cpu: number }) {
    this.wall.push(sample.wall);
    this.cpu.push(sample.cpu);
  }
  row(name: string, note: string): PdfBenchRow {
    const cpuMs = this.cpu.reduce((a, b) => a + b, 0) / this.cpu.length;
    return { name, medianMs: quantile(this.wall, 0.5), p95Ms: quantile(this.wall, 0.95), cpuMs, runs: this.wall.length, note };
  }
}

/** Figures of the warm react-pdf render against Chromium's print, round by round (each an interleaved A B A B series). */
export type PdfRounds = { rounds: { reactPdfMs: number; chromiumMs: number }[] };

export async function runPdfBench(
  options: { runs?: number; rounds?: number; exercises?: number; chromium?: boolean } = {},
): Promise<{ rows: PdfBenchRow[] } & PdfRounds> {
  const runs = options.runs ?? 30;
  const roundCount = options.rounds ?? 3;
  const exercises = options.exercises ?? 8;
  const [
    { setShapingMemo },
    { safetyAdvice },
    { sampleProgramme },
    { handoutHtml },
    { cachedHandout, clearHandoutCache },
    { handoutDigest },
  ] = await Promise.all([
    import("@/lib/pdf/fonts"),
    import("@/lib/catalogue/safety"),
    import("@/lib/programme/sample"),
    import("./handout-html"),
    import("@/lib/pdf/handout-cache"),
    import("@/lib/pdf/handout-digest"),
  ]);
  const programme = sampleProgramme(exercises);
  const input: HandoutInput = {
    programme,
    safety: safetyAdvice(),
    link: { url: "https://homeplan.example/p/Xy7kP2mQ9rT4vW8zA1bC3dE5", shortUrl: "homeplan.example/p/Xy7kP2mQ" },
    generatedOn: "2026-11-21",
    weeks: 2,
  };
  const unnumbered: HandoutInput = { ...input, pageNumbers: false };
  const rows: PdfBenchRow[] = [];

  // A fresh process: the first download loads react-pdf (code, fonts) and renders.
  const rssBefore = process.memoryUsage().rss;
  const first = await measure(async () => (await import("@/lib/pdf/render")).renderHandout(input), ownCpuMs);
  const { renderHandout } = await import("@/lib/pdf/render");
  for (let i = 0; i < 5; i += 1) await renderHandout(input);
  const loadedMb = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
  rows.push({
    name: "react-pdf cold: first handout in a fresh process",
    medianMs: first.wall,
    p95Ms: null,
    cpuMs: first.cpu,
    runs: 1,
    note: `${pageCount(first.result)} pages, ${Math.round(first.result.length / 1024)} KiB; loads the renderer and fonts (resident memory +${loadedMb.toFixed(0)} MiB after 6 renders)`,
  });

  let browser: import("@playwright/test").Browser | null = null;
  let page: import("@playwright/test").Page | null = null;
  const html = handoutHtml(input);
  const format = programme.clinic.paperSize === "LETTER" ? "Letter" : "A4";
  const printChromium = async () => {
    await page!.setContent(html);
    return page!.pdf({ format, printBackground: true, preferCSSPageSize: true });
  };
  if (options.chromium !== false) {
    const { chromium } = await import("@playwright/test");
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
    page = await browser.newPage();
    for (let i = 0; i < 5; i += 1) await printChromium();
  }

  // Interleaved: each run renders every variant once (A B C D A B C D …), so load from other
  // processes falls on all of them alike; rounds are consecutive blocks of runs.
  const numbered = new Series();
  const plain = new Series();
  const fresh = new Series();
  const chrome = new Series();
  const rounds: PdfRounds["rounds"] = [];
  let chromePdf: Buffer | null = null;
  for (let round = 0; round < roundCount; round += 1) {
    const a = new Series();
    const b = new Series();
    for (let i = 0; i < runs; i += 1) {
      const warm = await measure(() => renderHandout(input), ownCpuMs);
      numbered.add(warm);
      a.add(warm);
      plain.add(await measure(() => renderHandout(unnumbered), ownCpuMs));
      setShapingMemo(false);
      fresh.add(await measure(() => renderHandout(input), ownCpuMs));
      setShapingMemo(true);
      if (page) {
        const sample = await measure(printChromium, childrenCpuMs);
        chrome.add(sample);
        b.add(sample);
        chromePdf = sample.result;
      }
    }
    rounds.push({ reactPdfMs: quantile(a.wall, 0.5), chromiumMs: page ? quantile(b.wall, 0.5) : NaN });
  }
  rows.push(numbered.row("react-pdf warm", '"Page 2 of 7" footer (the default)'));
  rows.push(plain.row("react-pdf warm, pages not numbered", "no second layout pass"));
  rows.push(fresh.row("react-pdf warm, text shaped afresh", "shaping memo off, as for all-new text"));

  clearHandoutCache();
  const key = `bench|${handoutDigest(input)}`;
  await cachedHandout(key, () => input);
  const cached = new Series();
  for (let i = 0; i < runs; i += 1) cached.add(await measure(() => cachedHandout(key, () => input), ownCpuMs));
  rows.push(cached.row("react-pdf cached repeat", "in-process cache, a copy of the bytes"));

  if (browser && chromePdf) {
    rows.push(
      chrome.row(
        "Chromium setContent + page.pdf (page reused)",
        `${pageCount(chromePdf)} pages, ${Math.round(chromePdf.length / 1024)} KiB; CPU of all its processes`,
      ),
    );
    await browser.close();
  }
  return { rows, rounds };
}

export function pdfBenchTable(rows: PdfBenchRow[]): string {
  const fmt = (ms: number | null) => (ms === null ? "–" : ms < 10 ? ms.toFixed(2) : ms.toFixed(0));
  return [
    "| 8-exercise handout | median ms | p95 ms | CPU ms (mean) | runs | note |",
    "|---|---:|---:|---:|---:|---|",
    ...rows.map((r) => `| ${r.name} | ${fmt(r.medianMs)} | ${fmt(r.p95Ms)} | ${fmt(r.cpuMs)} | ${r.runs} | ${r.note} |`),
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { rows } = await runPdfBench();
  console.log(pdfBenchTable(rows));
}

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { MemoryResult } from "./memory";
import type { PatientPageResult } from "./patient-page";
import { pdfBenchTable, type PdfBenchRow, type PdfRounds } from "./pdf";
import type { WeightResult } from "./weight";

export type CatalogueResult = {
  driver: "postgres" | "pglite";
  exercises: number;
  queries: number;
  rounds: { p50: number; p95: number; p99: number; mean: number }[];
  slowest: { filters: Record<string, string>; p50: number }[];
};

export type BenchRun = {
  date: Date;
  commit: string;
  machine: string;
  loadAtStart: number[];
  loadAtEnd: number[];
  totalSeconds: number;
  page: PatientPageResult;
  pdf: PdfBenchRow[];
  pdfRounds: PdfRounds["rounds"];
  catalogue: CatalogueResult[];
  memory: MemoryResult[];
  /** Load average before and after, when benchmark 5 was run again on its own (bench/memory-only.ts). */
  memoryLoad?: number[][];
  weight: WeightResult;
};

/** min, median and max of three (or more) rounds. */
export function spread(values: number[]): { min: number; median: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0]!, median: sorted[Math.floor((sorted.length - 1) / 2)]!, max: sorted[sorted.length - 1]! };
}
const spreadText = (values: number[], unit: (n: number) => string) => {
  const { min, median, max } = spread(values);
  return `${unit(median)} (${unit(min)}–${unit(max)})`;
};
const mib = (n: number) => `${n.toFixed(0)} MiB`;
const driverName = (d: string) => (d === "pglite" ? "PGlite" : "postgres.js");

type Goal = { id: string; what: string; figure: string; goal: string; met: boolean | null; why?: string };

const ms = (n: number) => (n < 10 ? `${n.toFixed(2)} ms` : `${n.toFixed(0)} ms`);
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const num = (n: number) => Math.round(n).toLocaleString("en-GB");
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(", ");

function goals(run: BenchRun): Goal[] {
  const { page, weight, catalogue } = run;
  const row = (name: string) => run.pdf.find((r) => r.name === name);
  const cached = row("react-pdf cached repeat");
  const [patient, player] = weight.pages;
  const lh = "pages" in weight.lighthouse ? weight.lighthouse.pages : null;
  const lhFigure = (key: "performance" | "accessibility") => (lh ? lh.map((p) => `${p[key]}`).join(" / ") : "not measured");
  const floorRatio = page.floor.requestsPerSecond / page.static.requestsPerSecond;

  return [
    {
      id: "1a",
      what: "Patient page: requests/s against the same HTML as a static file",
      figure: `${num(page.dynamic.requestsPerSecond)} / ${num(page.static.requestsPerSecond)} = ${page.ratio.toFixed(3)}`,
      goal: "≥ 0.2",
      met: page.ratio >= 0.2,
      why:
        (floorRatio < 0.2
          ? `Next's own work per dynamic request sets a ceiling below the goal on this machine: /sign-in, a dynamic page of this app with no database work, managed ${num(page.floor.requestsPerSecond)} requests/s in the same run, ${floorRatio.toFixed(3)} of the static file. `
          : `Next itself is not the ceiling here: /sign-in, a dynamic page of this app with no database work, managed ${num(page.floor.requestsPerSecond)} requests/s in the same run, ${floorRatio.toFixed(3)} of the static file. The difference is the page's own work: a CPU profile under load puts about 29% in rendering (React's RSC and HTML passes over the whole programme) and 12% in garbage collection, with none of the app's own functions standing out. `) +
        `The patient page adds the token check and the live reads (the stamp, the week's count, recent sessions, outcomes, reminder, thread) and carries its programme twice: as HTML and again in the inline RSC payload that hydration needs (the App Router puts every server component's output there). ` +
        "Getting to 0.2 would take serving the page without React rendering per request: a route handler that checks the token, reads the live numbers and sends a cached document with them spliced in, with the pending-log sender as a small standalone script instead of a hydrated component.",
    },
    {
      id: "1b",
      what: "Patient page: p99 latency at 50 connections",
      figure: ms(page.dynamic.p99),
      goal: "≤ 100 ms",
      met: page.dynamic.p99 <= 100,
      why:
        `With 50 requests always waiting on one Node process, latency is queueing: about 50 / throughput (${ms((50 / page.dynamic.requestsPerSecond) * 1000)} here). A p99 of 100 ms needs roughly 600+ requests/s, ` +
        `more than even the no-database /sign-in page reaches (${num(page.floor.requestsPerSecond)} requests/s, p99 ${ms(page.floor.p99)}). The static file's own p99 was ${ms(page.static.p99)}. It takes what 1a takes, or more processes.`,
    },
    {
      id: "1c",
      what: "Patient page: one request alone (median of 200 in a row)",
      figure: ms(page.aloneDynamicMs),
      goal: "≤ 5 ms",
      met: page.aloneDynamicMs <= 5,
      why: `/sign-in alone took ${ms(page.floor.aloneMs)} and the static file ${ms(page.aloneStaticMs)} in the same run: most of the time is Next's request and render pipeline (the programme's data comes from memory, but it is drawn and rendered to RSC and HTML on each request), the rest two sequential database round trips.`,
    },
    {
      id: "2a",
      what: "Handout PDF, 8 exercises, warm render against Chromium's print, interleaved (median of each round)",
      figure: run.pdfRounds.map((r) => `${ms(r.reactPdfMs)} vs ${ms(r.chromiumMs)}`).join("; ") || "not measured",
      goal: "≤ 200 ms and faster than Chromium's print in every round",
      met: run.pdfRounds.length > 0 ? run.pdfRounds.every((r) => r.reactPdfMs <= 200 && r.reactPdfMs < r.chromiumMs) : null,
      why: pdfWhy(run.pdf),
    },
    {
      id: "2b",
      what: "Handout PDF, cached repeat (median)",
      figure: cached ? ms(cached.medianMs) : "not measured",
      goal: "≤ 5 ms",
      met: cached ? cached.medianMs <= 5 : null,
    },
    ...catalogue.map((c, i) => ({
      id: `3${"ab"[i]}`,
      what: `Catalogue search on ${driverName(c.driver)}, ${num(c.exercises)} exercises, 1,000 mixed queries a round: p95, median of 3 rounds (min–max)`,
      figure: spreadText(
        c.rounds.map((r) => r.p95),
        ms,
      ),
      goal: "≤ 10 ms",
      met: spread(c.rounds.map((r) => r.p95)).median <= 10,
      why:
        `The slowest queries: ${c.slowest.map((q) => `${describeQuery(q.filters)} ${ms(q.p50)}`).join(", ")} (medians). ` +
        'See "Catalogue search: where the time goes" above.',
    })),
    {
      id: "4a",
      what: "Patient page: first-load JavaScript on top of the framework (gzip)",
      figure: patient
        ? `${kB(patient.ownGzip)} (all: ${kB(patient.totalGzip)}; framework: ${kB(weight.baseline.totalGzip)})`
        : "not measured",
      goal: "≤ 20 kB",
      met: patient ? patient.ownGzip <= 20_000 : null,
    },
    {
      id: "4b",
      what: "Player: first-load JavaScript on top of the framework (gzip)",
      figure: player ? `${kB(player.ownGzip)} (all: ${kB(player.totalGzip)})` : "not measured",
      goal: "≤ 20 kB",
      met: player ? player.ownGzip <= 20_000 : null,
      why:
        "The player's own scripts are its own code, measured by `next analyze` (each module gzipped alone, so the parts add up to more than the files): the session player 3.3 kB, the end-of-session form 2.3 kB, the session state machine 1.7 kB, the offline log queue 1.5 kB, panels, dial and cues 2.9 kB, and the animated figure about 7 kB (kinematics, drawing, scenery; the patient page loads the same figure code, in a chunk of its own). " +
        "What it carries without using is about 0.6 kB: lib/domain/labels.ts, lib/domain/exercise.ts and lib/domain/media.ts come whole (every label map, every enum, every media limit) for one map, three constants and one list, because Turbopack keeps a module's unused exports. Splitting those files would save about half the overshoot. " +
        "Loading the end-of-session form only when the session ends would save the rest, but a patient who loses signal mid-session could then not log it; it stays in the first load.",
    },
    {
      id: "4c",
      what: "Lighthouse mobile performance (patient page / player)",
      figure: lhFigure("performance"),
      goal: "≥ 95",
      met: lh ? lh.every((p) => p.performance >= 95) : null,
      why:
        "Lighthouse simulates a slow phone from the main-thread time it observes, so work by other processes on this machine lowers the score; the spread of the three runs shows how much. " +
        `Most of the page's script time is the framework's own JavaScript (${kB(weight.baseline.totalGzip)} gzip to parse, run and hydrate), which this app does not control; the patient page adds ${patient ? kB(patient.ownGzip) : "little"} of its own.`,
    },
    {
      id: "4d",
      what: "Lighthouse accessibility (patient page / player)",
      figure: lhFigure("accessibility"),
      goal: "100",
      met: lh ? lh.every((p) => p.accessibility === 100) : null,
    },
    ...run.memory.flatMap((m, i) => [
      {
        id: `5${"ac"[i]}`,
        what: `Server RSS idle after start, ${driverName(m.driver)}: median of 3 fresh starts (min–max)`,
        figure: spreadText(
          m.rounds.map((r) => r.idleMb),
          mib,
        ),
        goal: "≤ 200 MiB",
        met: spread(m.rounds.map((r) => r.idleMb)).median <= 200,
        why: 'See "Server memory: where it goes" above.',
      },
      {
        id: `5${"bd"[i]}`,
        what: `Server peak RSS under the patient-page load (50 connections, ${m.seconds} s), ${driverName(m.driver)}: median of 3 (min–max)`,
        figure: spreadText(
          m.rounds.map((r) => r.peakMb),
          mib,
        ),
        goal: "≤ 350 MiB",
        met: spread(m.rounds.map((r) => r.peakMb)).median <= 350,
        why: 'See "Server memory: where it goes" above.',
      },
    ]),
  ];
}

function pdfWhy(rows: PdfBenchRow[]): string {
  const find = (name: string) => rows.find((r) => r.name === name);
  const warm = find("react-pdf warm");
  const plain = find("react-pdf warm, pages not numbered");
  const chrome = find("Chromium setContent + page.pdf (page reused)");
  if (!warm || !chrome) return "Not all variants were measured.";
  return (
    `react-pdf does all its work (layout with Yoga, pagination, text shaping) in this one thread: ${ms(warm.medianMs)} wall, ${ms(warm.cpuMs ?? NaN)} CPU, against Chromium's ${ms(chrome.medianMs)} wall and ${ms(chrome.cpuMs ?? NaN)} CPU spread over its own processes. ` +
    (plain
      ? `Most of the gap is the "Page 2 of 7" footer, which needs the page count and so a second layout pass: without it react-pdf took ${ms(plain.medianMs)}. `
      : "") +
    "A saved version's sheet is now drawn in the background after the save and kept in the database, so a download is a read, not a render (the cached repeat row; a read from the database is one indexed row of 50–100 kB). " +
    'See "Handout: where the time goes" above for the render itself.'
  );
}

/** What profiles and experiments on this machine showed; the figures in them are from those, not from this run. */
function findings(run: BenchRun): string[] {
  const pg = run.memory.find((m) => m.driver === "postgres");
  const lite = run.memory.find((m) => m.driver === "pglite");
  const idle = (m: MemoryResult | undefined) => (m ? mib(spread(m.rounds.map((r) => r.idleMb)).median) : "n/a");
  const growth = (m: MemoryResult | undefined) =>
    m ? `${mib(spread(m.rounds.map((r) => r.peakMb - r.idleMb)).min)}–${mib(spread(m.rounds.map((r) => r.peakMb - r.idleMb)).max)}` : "n/a";
  const rendererMb = run.pdf.find((r) => r.name.startsWith("react-pdf cold"))?.note.match(/\+(\d+) MiB/)?.[1];
  return [
    "## Server memory: where it goes",
    "",
    `- **postgres.js, idle ${idle(pg)}.** About 75 MiB of it is file-backed (RssFile in /proc: the node binary, shared libraries, mapped code), the rest V8's heaps and Next's and the app's server code. ` +
      `Until this change lib/server-start.ts warmed the handout renderer at start: react-pdf, its layout engine, the fonts and three throwaway renders, ${rendererMb ?? "about 40"} MiB of resident memory in bench/pdf.ts's process, and the 201 MiB idle of the previous results. ` +
      "It now loads on the first render (lib/pdf/handout-cache.ts imports lib/pdf/render.ts on a miss); a saved version's sheet is drawn in the background after the save, and a stored or cached sheet never loads the renderer at all.",
    `- **PGlite, idle ${idle(lite)}.** The same server plus the embedded PostgreSQL in WebAssembly. PostgreSQL's default 128 MB of shared buffers were written through at start, inside the process: PGlite alone took 230 MiB of resident memory on opening, 110 MiB with shared_buffers=16MB (db/client.ts), and the server's idle went from 438 to 284 MiB when measured by hand. ` +
      "What is left is PGlite's linear memory (the module declares 128 MiB as its minimum and PGlite refuses a smaller initialMemory: \"memory import 0 is smaller than initial 2048\"), PostgreSQL's own start-up allocations in it, and the compiled WebAssembly (V8's --wasm-lazy-compilation and --no-wasm-tier-up changed nothing measurable). " +
      "Measured again by hand, in a bare Node process opening PGlite (pg_trgm loaded, shared_buffers=16MB) on an existing data folder as a restart does, resident memory read from /proc after a settle and a collection: from about 75 MiB to 248–250 MiB. PostgreSQL's other settings that size memory at start change nothing measurable (within ±2 MiB, two starts each): max_connections=5, max_wal_senders=0, max_replication_slots=0, autovacuum_max_workers=1, max_locks_per_transaction=32, wal_buffers=64kB (PGlite already sets max_worker_processes=0 and no parallel workers); work_mem, maintenance_work_mem and temp_buffers are taken per operation, not at start. shared_buffers is the one that counts, about 1 MiB per MB: 8 MB gave 241–242 MiB and 4 MB 237 MiB; it stays at 16 MB, because the 10,000-exercise catalogue with its search indexes is already 22 MB and each buffer miss is a read through PGlite's file layer on the server's thread. The linear memory is touched lazily (an initialMemory of 256 MiB left resident memory unchanged), so its declared size is not what costs: compiling pglite.wasm (9 MB) alone took 18 MiB, PGlite's share files (pglite.data, 6 MB) sit in array buffers (8 MiB), and the rest is what PostgreSQL writes in the linear memory while starting plus the JavaScript around it. No change was kept. " +
      "Under 200 MiB would take the database in a process of its own (which moves the memory rather than saving it), or a PGlite build that does less at start (a smaller module, fewer share files).",
    `- **Under load.** Over idle, the peak grew by ${growth(pg)} on postgres.js and ${growth(lite)} on PGlite. That is requests in flight: 50 patient pages at once, each held several times over (the RSC payload, the HTML, the escaped inline copy of the payload), and V8 growing its heap to hold them; how far it lets the heap grow before a full collection differs from start to start, hence the spread. ` +
      "On PGlite every query runs in WebAssembly on the server's own thread, so 50 pages at once queue behind each other and behind rendering: on this busy machine some PGlite rounds served few or no pages within the load's seconds (the requests column), and memory held by waiting requests is the same either way. " +
      "The programme's data is kept in memory (lib/patient/programme-view-cache.ts); what a request adds is its drawing, as RSC and as HTML. " +
      "No heap limit is set in `npm start`. Measured on this build, postgres.js, A B A B in one run (load 1.2–2.1), one fresh start each: `--max-old-space-size=192` held the peak at 280, 297 and 283 MiB against 456, 467 and 470 MiB without it, for 20.3, 19.4 and 18.6 requests/s against 19.7, 23.1 and 20.7 (about 6% fewer by the medians). " +
      "For a 1 GB server that is the lever (`NODE_OPTIONS=--max-old-space-size=192 npm start`, in the README); it stays opt-in because a record export or a first handout render of a large clinic needs headroom a fixed limit would take away, and a heap overrun stops the server.",
    "- **Caches bounded by bytes.** The in-process handout cache holds at most 8 MiB (it was 32 MiB: the database copy makes a miss a read); the database copies at most 64 MB for the whole server, oldest dropped first (lib/pdf/handout-store.ts). The patient page keeps at most 500 programmes' data or 16 MB (lib/patient/programme-view-cache.ts, over the same lib/bounded-cache.ts); the text-shaping memo is bounded by entries.",
    "",
    "## Catalogue search: where the time goes",
    "",
    'EXPLAIN ANALYZE on the 10,000 catalogue-like names (bench/catalogue-search.ts seeds them; `BENCH_KEEP=1` keeps the PostgreSQL database). The search was two index scans ranked together: every exercise a word finds through the full-text index, fetched and ranked (2,398 for "glute", 5,030 for "no equipment", 1,439 for "lying on front"), and every name the trigram index found alike to the whole typed text (about 3,000 candidates rechecked for "lying on front" and 3,600 for "bri": 20–60 ms of the query under a load of 13). What changed (migration 0016 and db/queries/exercises.ts):',
    "- **GIN pending lists.** GIN indexes queue new entries in a pending list (fastupdate, the default) that every search reads through until a vacuum merges them. PGlite never vacuums, and ANALYZE does not merge them: after the bench's seeding 4,967 names were pending in the trigram index, and all 10,013 in a new index. The catalogue's GIN indexes are now built with fastupdate off; the catalogue is written rarely.",
    '- **Groups, not one ranking.** Exercises whose name has every word come first, found through an index of the names\' words alone (search_name), ranked as before by full-text rank and a name starting with the typed text, with trigram likeness replaced by how much of the name the typed text covers (shorter names first: the same order in practice, where similarity() cost 4 µs a name). Then those with the words in the name, aliases, tags and everyday words together (search_main), then those with some only in muscles or purpose, these two by name. Each group is read only while the page has room, in one statement (the room is worked out once, before the scan), and each has its own index, so the planner knows how many match: "no equipment" reads the names in order and stops at 60 (0.3 ms) instead of ranking 5,030, "glute" ranks its 199 names, not 2,398 exercises.',
    "- **Typos against the catalogue's words.** Trigram likeness runs only when nothing has the words, and against the 259 distinct words of the shared catalogue's names, aliases and tags (search_words, filled by a trigger; a clinic's own words are left out so they cannot steer another clinic's search): 0.05 ms, then the search again with \"brigde\" read as \"brigde:* | bridge | bridges\". Only when that finds nothing either do the whole-name and alias likeness passes run (for typos in a clinic's own exercises): they still cost what they did, about 50 ms on PGlite at 10,000 exercises, for a search that finds nothing.",
    "- **Filters as enums.** Category and position were compared as text, so the planner guessed a handful of matches and sorted all 1,424 quadruped exercises rather than read the first names in order: 22 ms against 3 ms.",
    "",
    'Before and after in one run (the previous code on a database migrated to the previous schema, the new code on a fresh one, both seeded alike, 1,000 queries of the bench\'s mix a round, rounds interleaved): PostgreSQL, load average 8.4–9.6: p95 45, 54, 58 ms before; 9.5, 8.0, 18 ms after (p50 21–27 ms against 2.1–5.1 ms). PGlite, load average 5.5–6.2: p95 56, 56, 88 ms before; 14, 12, 16 ms after (p50 28–36 ms against 4.0–4.3 ms). What is left is round trips: a typo takes three (the words, the correction, the corrected words) and sets the p95 (median "rotaton" 7 ms on PostgreSQL and 11 ms on PGlite, "brigde" 6 and 9 ms); the rest of the mix is at 3–5 ms on PGlite. The bench alone afterwards (bench/catalogue-search.ts, 3 rounds): postgres.js p95 8.2, 10.1, 7.0 ms (p50 2.6–3.7 ms), load average 2.3 at start, 3.1 at end; PGlite p95 89, 73, 63 ms in a first run (p50 9.5–14 ms; load average 2.9 at start, 13.6 at end: other work started during it) and 11.3, 11.4, 16.2 ms in a second (p50 4.2–6.3 ms; 13.1 at start, 8.9 at end). On PGlite the figure moves with what else the two cores are doing more than with the query. PGlite runs every statement in WebAssembly on the server\'s own thread, and on this busy machine each waits its turn for a core.',
    "",
    'What a clinician sees differently: a name with every word typed always comes before an alias or tag match (before, full-text rank could put an exercise whose tags repeat a word above one named with it); alias, tag and everyday-word matches are listed by name after them, and muscle or purpose matches by name after those, instead of by full-text rank (which favoured words repeated across tags); names merely alike to the typed text no longer pad a search whose words found something; and a typo finds the corrected word\'s exercises, shortest names first ("rotaton": "Coccyx rotation" before "… rotator cuff rotation with towel"). tests/integration/catalogue.test.ts checks the order with 200 exercises matching by tag or muscle.',
    "",
    "## Handout: where the time goes",
    "",
    'A CPU profile of 20 warm renders after 5 (`node --import tsx --cpu-prof bench/pdf-profile.ts 20`, self time by package, on this busy machine): @react-pdf/layout 13% (pagination, node measurement), @react-pdf/textkit 12% (line breaking, runs, bidi), the garbage collector 10%, pdfkit 8% (writing the PDF, font subsetting, zlib 1%), @react-pdf/render 5%, Yoga 4%, @react-pdf/fns 4%, fontkit 4% (shaping, mostly memoised in lib/pdf/fonts.ts), @react-pdf/stylesheet 4%; the rest is spread thin, with about a tenth in loading modules through tsx. No single hot spot is ours to remove: it is react-pdf\'s pipeline, single-threaded, and the "Page N of M" footer makes it lay out every page twice (the unnumbered row). ' +
      "Chromium does the same work in C++ over several processes, so on a machine whose cores are busy with other work it gets more of them: compare the CPU column (this process's CPU against all of Chromium's processes') as well as the wall time. " +
      'Beating Chromium\'s wall time on every round would take dropping the page total ("Page 2"), which needs a product decision, or rendering in a worker so the layout does not share the event loop; neither matters to a patient now: the sheet is drawn after the save, before anyone downloads it.',
    "",
  ];
}

const describeQuery = (filters: Record<string, string>) =>
  Object.entries(filters)
    .map(([k, v]) => (k === "q" ? `"${v}"` : `${k} ${v}`))
    .join(" + ") || "(empty)";

const mark = (met: boolean | null) => (met === null ? "not measured" : met ? "**met**" : "**missed**");

export function renderResults(run: BenchRun): string {
  const list = goals(run);
  const { page, weight, catalogue } = run;
  const loadRow = (name: string, f: { requestsPerSecond: number; p50: number; p99: number; requests: number }, alone: number) =>
    `| ${name} | ${num(f.requestsPerSecond)} | ${ms(f.p50)} | ${ms(f.p99)} | ${num(f.requests)} | ${ms(alone)} |`;
  const busy = run.loadAtStart[0]! > 0.5 || run.loadAtEnd[0]! > 2.5;
  const lines = [
    "# Benchmark results",
    "",
    "Written by `npm run bench` (bench/run.ts). Performance goals are judged here, as figures from one run on one machine, never as timed tests in the suite.",
    "",
    `- Date: ${run.date.toISOString()}`,
    `- Commit: ${run.commit}`,
    `- Machine: ${run.machine}`,
    `- Load average (1, 5, 15 min) at start: ${load(run.loadAtStart)}; at end: ${load(run.loadAtEnd)}${busy ? " — other work was running on this machine; absolute figures are lower than on a quiet one, ratios within the run less affected" : ""}`,
    `- Whole run: ${run.totalSeconds.toFixed(0)} s`,
    "",
    "## Goals",
    "",
    "| # | What | Figure | Goal | |",
    "|---|---|---|---|---|",
    ...list.map((g) => `| ${g.id} | ${g.what} | ${g.figure} | ${g.goal} | ${mark(g.met)} |`),
    "",
    "## 1. Patient page under load",
    "",
    `autocannon (Node API), ${50} connections, three interleaved rounds (the page, the static copy, /sign-in, then again) of ${page.seconds} s per URL after a warm-up, against \`next start\` (production build) on the local PostgreSQL through postgres.js. ` +
      `The page: a programme of 8 exercises with its second version (so "what changed" shows), 4 logged sessions, a live link; ${kB(page.htmlBytes)} of HTML (${kB(page.htmlGzipBytes)} gzip). ` +
      "The static copy is that same HTML, saved for the run under public/p/ and served by the same Next server with the same headers (no-store, as for the page); it is deleted at the end. " +
      `For scale, /sign-in is a dynamic page of this app with no database work. "Alone" is the median of 200 requests one after another on one kept-alive connection.`,
    "",
    "| URL | requests/s | p50 | p99 | requests | alone |",
    "|---|---:|---:|---:|---:|---:|",
    loadRow("/p/&lt;token&gt; (the patient page)", page.dynamic, page.aloneDynamicMs),
    loadRow("the same HTML as a static file", page.static, page.aloneStaticMs),
    loadRow(`${page.floor.path} (for scale)`, page.floor, page.floor.aloneMs),
    "",
    `Ratio, patient page to static file: **${page.ratio.toFixed(3)}** (the median round; rounds: ${page.rounds.map((r) => (Number.isFinite(r.ratio) ? r.ratio.toFixed(3) : "none served")).join(", ")}). The table shows the median round; requests/s of the page in each round: ${page.rounds.map((r) => num(r.dynamic.requestsPerSecond)).join(", ")}; of the static file: ${page.rounds.map((r) => num(r.static.requestsPerSecond)).join(", ")}.`,
    "",
    "How the page is served: the link is checked on every request (token hash, expiry, revocation, archive, and the miss throttle), and the programme's stamp, the week's count, recent sessions, the outcomes prompt, the reminder and the thread are read on every request. " +
      "The programme itself (intro, note, what changed, the exercises with their figures, safety advice, footer) is read from the database once per clinic, programme, version and stamp and kept in memory (lib/patient/programme-view-cache.ts: least recently used out first, at most 500 programmes or 16 MB; no link in the key). " +
      "The stamp changes with the patient's name, the clinic's details, the clinician's name and any exercise's text or media, so an edit is a new key and shows on the next request. " +
      "A hit saves the database reads; the programme is drawn and rendered per request (RSC, then HTML) and travels twice, as HTML and in the inline RSC payload that hydration needs.",
    "",
    "## 2. Handout PDF",
    "",
    "From bench/pdf.ts, in its own process without the react-server condition. Every run renders each variant once (react-pdf numbered, unnumbered, shaped afresh, then Chromium), so machine noise falls on all alike; three rounds of 30 runs.",
    "",
    pdfBenchTable(run.pdf),
    "",
    "| round | react-pdf warm (median) | Chromium print (median) | react-pdf faster |",
    "|---:|---:|---:|---|",
    ...run.pdfRounds.map(
      (r, i) => `| ${i + 1} | ${ms(r.reactPdfMs)} | ${ms(r.chromiumMs)} | ${r.reactPdfMs < r.chromiumMs ? "yes" : "no"} |`,
    ),
    "",
    "## 3. Catalogue search",
    "",
    `bench/catalogue-search.ts: ${num(catalogue[0]?.exercises ?? 0)} exercises (the real 13 and 10,000 generated with catalogue-like names, bench/catalogue-names.ts: 187 distinct words) in a fresh database on each driver, 100 warm-up queries, then 3 rounds of 1,000 from a mix of 20 (words, prefixes, typos, everyday phrases, filters).`,
    "",
    "| driver | round | p50 | p95 | p99 | mean |",
    "|---|---:|---:|---:|---:|---:|",
    ...catalogue.flatMap((c) =>
      c.rounds.map((r, i) => `| ${driverName(c.driver)} | ${i + 1} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.mean)} |`),
    ),
    "",
    ...catalogue.map(
      (c) =>
        `Slowest on ${driverName(c.driver)} (median of each over the 3 rounds): ${c.slowest.map((q) => `${describeQuery(q.filters)} ${ms(q.p50)}`).join("; ")}.`,
    ),
    "",
    "## 4. Weight",
    "",
    "What Chromium loads on a first visit with an empty cache, each script gzipped here at zlib's default level (kB = 1,000 bytes). " +
      `The framework's own is the app's 404 page (${weight.baseline.path}: the root layout and a server-rendered message, none of our client code), which loads ${kB(weight.baseline.totalGzip)} in ${weight.baseline.scripts.length} scripts. ` +
      "A page's own JavaScript is every script it loads that the 404 page does not.",
    "",
    "| page | scripts | all JS (gzip) | its own (gzip) |",
    "|---|---:|---:|---:|",
    `| ${weight.baseline.path} (framework) | ${weight.baseline.scripts.length} | ${kB(weight.baseline.totalGzip)} | – |`,
    ...weight.pages.map(
      (p) => `| ${p.path.replace(/\/p\/[^/]+/, "/p/&lt;token&gt;")} | ${p.scripts.length} | ${kB(p.totalGzip)} | ${kB(p.ownGzip)} |`,
    ),
    "",
    ...("pages" in weight.lighthouse
      ? [
          `Lighthouse ${weight.lighthouse.version}, default (mobile) settings with simulated throttling, in the system Chromium (headless, no sandbox); three runs per page, the one with the median performance score shown:`,
          "",
          "| page | performance (all runs) | accessibility | FCP | LCP | TBT | CLS | Speed Index |",
          "|---|---:|---:|---:|---:|---:|---:|---:|",
          ...weight.lighthouse.pages.map(
            (p) =>
              `| ${p.path.replace(/\/p\/[^/]+/, "/p/&lt;token&gt;")} | ${p.performance} (${(p.runs ?? [p.performance]).join(", ")}) | ${p.accessibility} | ${p.metrics.FCP} | ${p.metrics.LCP} | ${p.metrics.TBT} | ${p.metrics.CLS} | ${p.metrics["Speed Index"]} |`,
          ),
          ...weight.lighthouse.pages
            .filter((p) => p.failedAccessibility.length > 0)
            .map(
              (p) =>
                `\nAccessibility audits not passed on ${p.path.replace(/\/p\/[^/]+/, "/p/&lt;token&gt;")}: ${p.failedAccessibility.join("; ")}.`,
            ),
        ]
      : [`Lighthouse was not run: ${weight.lighthouse.error}.`]),
    "",
    "## 5. Server memory",
    "",
    "bench/memory.ts: for each driver, three fresh `next start`s of the production build; idle is VmRSS once start-up work has settled (before any request), peak is VmRSS sampled every 100 ms during the load on the patient page (50 connections, after a 2 s warm-up).",
    "",
    ...(run.memoryLoad
      ? [
          `Measured again on its own after the full run (bench/memory-only.ts, same build), load average before ${load(run.memoryLoad[0]!)}, after ${load(run.memoryLoad[1]!)}.`,
          "",
        ]
      : []),
    "| driver | round | idle | peak under load | VmHWM | requests served (per s) |",
    "|---|---:|---:|---:|---:|---:|",
    ...run.memory.flatMap((m) =>
      m.rounds.map(
        (r, i) =>
          `| ${driverName(m.driver)} | ${i + 1} | ${mib(r.idleMb)} | ${mib(r.peakMb)} | ${mib(r.hwmMb)} | ${num(r.requests ?? 0)} (${r.requestsPerSecond.toFixed(1)}) |`,
      ),
    ),
    "",
    `During benchmark 1 (postgres.js, one server through all its rounds) the peak was ${page.memory.peakRssMb.toFixed(0)} MiB (${page.memory.samples} samples; idle before it ${page.memory.idleRssMb.toFixed(0)} MiB).`,
    "",
  ];
  lines.push(...findings(run));
  const missed = list.filter((g) => g.met === false);
  if (missed.length > 0) {
    lines.push("## Missed goals: why, and what it would take", "");
    for (const g of missed) lines.push(`**${g.id}. ${g.what}** (${g.figure}; goal ${g.goal}). ${g.why ?? "Not yet looked into."}`, "");
  }
  return lines.join("\n");
}

/** `npm run bench:scale` prints its own table, pasted under this heading; a new run keeps it. */
const SCALE_HEADING = "## Clinic at scale";

export function writeResults(run: BenchRun): string {
  const file = path.join(process.cwd(), "bench", "RESULTS.md");
  const previous = existsSync(file) ? readFileSync(file, "utf8") : "";
  const at = previous.indexOf(`\n${SCALE_HEADING}`);
  writeFileSync(file, renderResults(run) + (at >= 0 ? previous.slice(at) : ""));
  return file;
}

// `npx tsx bench/results.ts` writes RESULTS.md again from the last run's bench/.out/results.json.
if (import.meta.url === `file://${process.argv[1]}`) {
  const run = JSON.parse(readFileSync(path.join(process.cwd(), "bench", ".out", "results.json"), "utf8")) as BenchRun;
  run.date = new Date(run.date);
  console.log(`rewrote ${writeResults(run)}`);
}

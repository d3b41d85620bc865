import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { View } from "@react-pdf/renderer";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { createElement } from "react";
import { afterAll, describe, expect, it, vi } from "vitest";
import { safetyAdvice } from "@/lib/catalogue/safety";
import type { ProgrammeView } from "@/lib/programme/view";
import { sampleProgramme } from "@/lib/programme/sample";
import { setShapingMemo } from "./fonts";
import { doseParts } from "./handout-exercise";
import { FIGURE_WIDTH } from "./handout";
import { cachedHandout, clearHandoutCache } from "./handout-cache";
import { handoutDigest } from "./handout-digest";
import { renderHandout, type HandoutInput } from "./render";

// Renders and poppler calls share two CPU cores with everything else on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

const dir = mkdtempSync(path.join(tmpdir(), "handout-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LINK = { url: "https://homeplan.example/p/Xy7kP2mQ9rT4vW8zA1bC3dE5", shortUrl: "homeplan.example/p/Xy7kP2mQ" };

function input(programme: ProgrammeView, extra: Partial<HandoutInput> = {}): HandoutInput {
  return { programme, safety: safetyAdvice(), link: LINK, generatedOn: "2026-11-21", weeks: 2, ...extra };
}

let fileCount = 0;
function save(pdf: Buffer): string {
  const file = path.join(dir, `h${(fileCount += 1)}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/** Text of the whole file; -layout keeps columns side by side as printed. */
function pdfText(file: string, options: { layout?: boolean } = {}): string {
  return execFileSync("pdftotext", [...(options.layout ? ["-layout"] : []), file, "-"], { encoding: "utf8" });
}

/** Reading-order text of each page (pdftotext ends every page with a form feed). */
function pageTexts(file: string): string[] {
  return pdfText(file)
    .split("\f")
    .slice(0, -1)
    .map((page) => flat(page));
}

/** Reading-order text with every run of whitespace made one space, so wrapped phrases read whole. */
const flat = (text: string) => text.replace(/\s+/g, " ");

function pdfInfo(file: string): { pages: number; size: string } {
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(info)![1]), size: /^Page size:\s+(.+)$/m.exec(info)![1]!.trim() };
}

function pagePngFile(file: string, page: number, dpi: number): string {
  const prefix = path.join(dir, `png${(fileCount += 1)}`);
  execFileSync("pdftoppm", ["-png", "-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", file, prefix]);
  return `${prefix}.png`;
}

function pagePng(file: string, page: number, dpi: number): PNG {
  return PNG.sync.read(readFileSync(pagePngFile(file, page, dpi)));
}

/** qpdf's structural check: cross-reference table, object streams, every stream's encoding. Exit 0 means no warnings either. */
function qpdfCheck(file: string): string {
  return execFileSync("qpdf", ["--check", file], { encoding: "utf8" });
}

describe("the printed handout", () => {
  it("shows a one-exercise programme completely: who, what, how much, where to follow along", async () => {
    // A review date long enough to wrap in its column.
    const programme = { ...sampleProgramme(1), startDate: "2026-12-02", reviewDate: "2026-12-30" };
    const file = save(await renderHandout(input(programme)));
    const text = flat(pdfText(file));
    const layout = pdfText(file, { layout: true });

    for (const expected of [
      programme.patient.name,
      programme.clinic.name,
      programme.clinic.phone,
      programme.clinician.name,
      programme.title,
      programme.patientNote,
    ]) {
      expect(text).toContain(expected);
    }
    // The address is printed whole, its code on a line of its own, and never hyphenated.
    expect(text.replace(/\s+/g, "")).toContain(LINK.shortUrl);
    expect(text).not.toMatch(/\/p\/-/);
    // Dates wrap between words, never inside one (the layout text keeps a line-end hyphen).
    expect(text).toContain("Wednesday 30 December");
    expect(layout).not.toMatch(/Decem-/);
    const item = programme.items[0]!;
    expect(layout).toContain(item.name);
    const { what, when } = doseParts(item);
    for (const part of [...what, ...when]) expect(text.toLowerCase()).toContain(part.toLowerCase());
    for (const step of item.steps) expect(text).toContain(step);
    for (const advice of safetyAdvice()) expect(text).toContain(advice.title);
    expect(layout).toMatch(/Mon\s+Tue\s+Wed/);
    expect(pdfInfo(file).pages).toBeGreaterThanOrEqual(2);
    expect(pdfInfo(file).pages).toBeLessThanOrEqual(3);
  });

  // The first sheet carries the red flags in full beside who to call, which costs a page
  // over the layout without them: safety before paper.
  it.each([
    { count: 5, weeks: 2 as const, pages: 4, chartPage: 4 },
    { count: 5, weeks: 4 as const, pages: 4, chartPage: 4 },
    { count: 8, weeks: 2 as const, pages: 5, chartPage: 5 },
  ])(
    "prints $count exercises and a $weeks-week chart on $pages A4 pages, the QR code and address on page 1",
    async ({ count, weeks, pages, chartPage }) => {
      const programme = sampleProgramme(count);
      const link = { url: `https://homeplan.example.org/p/${"Xy7kP2mQ9rT4vW8zA1bC3dE5fG6hJ7kL8mN9pQ0rS1t"}`, shortUrl: "" };
      link.shortUrl = link.url.replace("https://", "");
      const file = save(await renderHandout(input(programme, { weeks, link })));
      expect(pdfInfo(file).pages).toBe(pages);
      const texts = pageTexts(file);
      for (const item of programme.items) {
        const page = texts.find((words) => words.includes(` ${item.name} `) && words.includes(item.steps[0]!));
        expect(page, item.name).toBeDefined();
        for (const part of [...doseParts(item).what, ...doseParts(item).when]) expect(page!.toLowerCase()).toContain(part.toLowerCase());
        expect(page).toContain(item.steps.at(-1)!);
      }
      // Page 1: who, how often, and the full address on one unbroken line beside a QR code that scans.
      expect(texts[0]).toContain(programme.patient.name);
      expect(texts[0]).toContain("How often");
      const firstPageLines = pdfText(file, { layout: true }).split("\f")[0]!.split("\n");
      expect(firstPageLines.some((line) => line.includes(link.shortUrl))).toBe(true);
      const png = pagePng(file, 1, 150);
      expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(link.url);
      // The chart's first two weeks share a page with the last exercises; weeks 3 and 4 take the next.
      expect(texts[chartPage - 1]).toContain("Weeks 1 and 2");
      if (weeks === 4) expect(texts[3]).toContain("Weeks 3 and 4");
    },
  );

  it("fits ten exercises on a sensible number of pages and never splits an exercise", async () => {
    const programme = sampleProgramme(10);
    const file = save(await renderHandout(input(programme)));
    const { pages } = pdfInfo(file);
    const text = flat(pdfText(file));
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(pages).toBeLessThanOrEqual(8);
    const texts = pageTexts(file);
    expect(texts).toHaveLength(pages);
    for (const item of programme.items) {
      expect(text).toContain(item.name);
      for (const part of [...doseParts(item).what, ...doseParts(item).when]) expect(text.toLowerCase()).toContain(part.toLowerCase());
      if (item.dosage.note) expect(text).toContain(item.dosage.note);
      // The first and last lines of an exercise land on the same page.
      const page = texts.find((words) => words.includes(item.purpose.split(" ").slice(0, 4).join(" ")));
      expect(page, item.name).toBeDefined();
      expect(page).toContain(item.steps.at(-1)!);
      for (const caution of item.cautions) expect(page).toContain(caution);
    }
    expect(text).toContain(`Page 1 of ${pages}`);
    expect(text).toContain(`Page ${pages} of ${pages}`);
  });

  it("loses nothing when an exercise is longer than a page or the chart longer than a page", async () => {
    const programme = sampleProgramme(24);
    const step =
      "Keep your back flat and breathe out slowly while you lift, then pause and breathe in as you lower, keeping your tummy tight.";
    programme.items[1]!.steps = Array.from({ length: 24 }, (_, i) => `${step} Step ${i + 1} ends here.`);
    programme.clinic.paperSize = "LETTER";
    const file = save(await renderHandout(input(programme, { weeks: 4 })));
    const text = flat(pdfText(file));
    for (let i = 1; i <= 24; i += 1) expect(text).toContain(`Step ${i} ends here.`);
    const chartPages = pageTexts(file).filter((words) => words.includes("Weeks 3 and 4"));
    const chart = chartPages.join(" ");
    for (const [i, item] of programme.items.entries()) expect(chart).toContain(`${i + 1} ${item.name}`);
  });

  it("prints hostile text in names and notes as plain words and adds nothing active to the file", async () => {
    const script = "<script>alert(1)</script>";
    const sql = "'; drop table x; --";
    const programme = sampleProgramme(2, { patient: { firstName: script, name: `${script} Hughes` }, patientNote: `Note ${sql}` });
    programme.items[0]!.dosage.note = `${sql} ${script}`;
    const pdf = await renderHandout(input(programme));
    // -layout: plain pdftotext would join a line ending in "--" to the next as if hyphenated.
    const text = flat(pdfText(save(pdf), { layout: true }));
    expect(text).toContain(`${script} Hughes`);
    expect(text).toContain(`Note ${sql}`);
    expect(text).toContain(sql);
    expect(text.split(script).length).toBeGreaterThan(3);
    const raw = pdf.toString("latin1");
    expect(raw).not.toMatch(/\/(JavaScript|JS|OpenAction|Launch|AA)\b/);
  });

  it("draws a QR code that scans to exactly the follow-along link, in two independent readers", async () => {
    const file = save(await renderHandout(input(sampleProgramme(3))));
    const page = pageTexts(file).findIndex((words) => words.includes("Scan to follow along")) + 1;
    expect(page).toBeGreaterThan(0);
    const pngFile = pagePngFile(file, page, 150);
    const png = PNG.sync.read(readFileSync(pngFile));
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(code?.data).toBe(LINK.url);
    // ZBar, the reader behind many phone scanners; --raw prints exactly what the code holds, one symbol per line.
    expect(execFileSync("zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", pngFile], { encoding: "utf8" })).toBe(
      `${LINK.url}\n`,
    );
  });

  it("writes a file that qpdf finds free of structural and encoding errors, with figures, a QR code and a four-week chart", async () => {
    const programme = sampleProgramme(8);
    const file = save(await renderHandout(input(programme, { weeks: 4 })));
    const report = qpdfCheck(file);
    expect(report).toContain("No syntax or stream encoding errors found");
    expect(report).not.toMatch(/WARNING/i);
  });

  it("uses the clinic's paper size", async () => {
    const a4 = save(await renderHandout(input(sampleProgramme(2))));
    const letterProgramme = sampleProgramme(2);
    letterProgramme.clinic.paperSize = "LETTER";
    const letter = save(await renderHandout(input(letterProgramme)));
    expect(pdfInfo(a4).size).toMatch(/^595\.2\d* x 841\.8\d* pts \(A4\)/);
    expect(pdfInfo(letter).size).toMatch(/^612 x 792 pts \(letter\)/);
  });

  it("charts four weeks from the start date with a column for every day", async () => {
    const file = save(await renderHandout(input(sampleProgramme(2), { weeks: 4 })));
    const text = flat(pdfText(file));
    expect(text).toContain("Weeks 1 and 2: Monday 23 November to Sunday 6 December");
    expect(text).toContain("Weeks 3 and 4: Monday 7 December to Sunday 20 December");
    const layout = pdfText(file, { layout: true });
    expect(layout.match(/\bMon\b/g)?.length).toBe(4);
    expect(layout.match(/\bSun\b/g)?.length).toBe(4);
  });

  it("gives figures a fixed slot, so pages break the same with or without illustrations", async () => {
    const programme = sampleProgramme(6);
    const plain = pdfInfo(save(await renderHandout(input(programme)))).pages;
    const renderFigure = vi.fn((_slug: string | null, width: number) =>
      createElement(View, { style: { width, height: 40, backgroundColor: "#000" } }),
    );
    const illustrated = save(await renderHandout(input(programme, { renderFigure })));
    expect(pdfInfo(illustrated).pages).toBe(plain);
    expect(renderFigure).toHaveBeenCalledWith(programme.items[0]!.poseSlug, FIGURE_WIDTH, programme.items[0]);
    // The placeholder's words are gone once a figure is drawn.
    expect(flat(pdfText(illustrated))).not.toContain("On your hands and knees");
  });

  it("looks identical whether text shaping comes from the memo or is done afresh", async () => {
    const programme = sampleProgramme(2);
    const memo = save(await renderHandout(input(programme)));
    setShapingMemo(false);
    try {
      const fresh = save(await renderHandout(input(programme)));
      for (const page of [1, 2]) expect(pagePng(memo, page, 50).data.equals(pagePng(fresh, page, 50).data)).toBe(true);
    } finally {
      setShapingMemo(true);
    }
  });
});

describe("the handout cache", () => {
  it("files a handout under the digest of everything it prints", () => {
    const base = input(sampleProgramme(2));
    const digest = handoutDigest(base);
    expect(handoutDigest({ ...base })).toBe(digest);
    // The time of day is not printed; the day is.
    expect(handoutDigest({ ...base, generatedOn: "2026-11-21T18:00:00Z" })).toBe(digest);
    expect(handoutDigest({ ...base, pageNumbers: true })).toBe(digest);
    const p = base.programme;
    const changes: Partial<HandoutInput>[] = [
      { programme: { ...p, version: p.version + 1 } },
      { programme: { ...p, clinic: { ...p.clinic, phone: "0117 000 0000" } } },
      { programme: { ...p, clinic: { ...p.clinic, paperSize: "LETTER" } } },
      { programme: { ...p, patient: { ...p.patient, name: "Someone Else" } } },
      { programme: { ...p, items: p.items.map((item, i) => (i === 0 ? { ...item, steps: [...item.steps, "One more step."] } : item)) } },
      { link: { ...LINK, shortUrl: "homeplan.example/c/OTHER" } },
      { generatedOn: "2026-11-22" },
      { weeks: 4 },
      { pageNumbers: false },
      { renderFigure: () => null },
      { safety: base.safety.slice(1) },
    ];
    for (const change of changes) expect(handoutDigest({ ...base, ...change }), JSON.stringify(Object.keys(change))).not.toBe(digest);
  });

  it("serves a repeat from memory, as separate copies of the same bytes", async () => {
    clearHandoutCache();
    const handout = input(sampleProgramme(2));
    const key = `p1|${handoutDigest(handout)}`;
    const first = await cachedHandout(key, () => handout);
    // Another programme under the same key: the bytes can only have come from memory.
    const second = await cachedHandout(key, () => input(sampleProgramme(3)));
    expect(second.equals(first)).toBe(true);
    second.fill(0);
    expect((await cachedHandout(key, () => handout)).equals(first)).toBe(true);
  });

  it("serves a stored copy without rendering, and stores what it renders", async () => {
    clearHandoutCache();
    const stored = Buffer.from("%PDF-stored");
    let saved: Buffer | null = null;
    const hit = await cachedHandout("p2|a", () => input(sampleProgramme(2)), {
      load: async () => stored,
      save: async (pdf) => void (saved = pdf),
    });
    expect(hit.equals(stored)).toBe(true);
    expect(saved).toBeNull();
    const drawn = await cachedHandout("p2|b", () => input(sampleProgramme(2)), {
      load: async () => null,
      save: async (pdf) => void (saved = pdf),
    });
    expect(drawn.subarray(0, 5).toString()).toBe("%PDF-");
    expect(saved!.equals(drawn)).toBe(true);
  });
});

import { renderToBuffer } from "@react-pdf/renderer";
import { createElement } from "react";
import { PdfCache } from "./cache";
import { loadHandoutFonts } from "./fonts";
import { Handout, type HandoutProps } from "./handout";
import { createQrMatrix } from "./qr";

/** Everything a handout shows; the QR code is made here from `link.url`. */
export type HandoutInput = Omit<HandoutProps, "qr">;

/** What makes two handouts byte-for-byte the same, and so what a cached PDF is filed under. */
export type HandoutCacheKeyParts = {
  programmeId: string;
  version: number;
  linkId: string;
  paperSize: "A4" | "LETTER";
  weeks: 2 | 4;
  /** The date printed on the handout and where the chart starts when the programme has none. */
  generatedOn: string;
  /** Whether the footer numbers the pages (HandoutInput.pageNumbers); true when left out. */
  pageNumbers?: boolean;
};

/**
 * The cache key for one handout. A programme version never changes once saved, so a
 * new version, link, paper size, chart length or print date is a new key; nothing
 * else needs invalidating.
 */
export function handoutCacheKey(parts: HandoutCacheKeyParts): string {
  const numbered = parts.pageNumbers === false ? "unnumbered" : "numbered";
  return [parts.programmeId, parts.version, parts.linkId, parts.paperSize, parts.weeks, parts.generatedOn.slice(0, 10), numbered].join("|");
}

// 30–100 kB per handout: 64 of them stay well under the byte cap.
const cache = new PdfCache(64, 32 * 1024 * 1024);

async function renderUncached(input: HandoutInput): Promise<Buffer> {
  await loadHandoutFonts();
  const qr = createQrMatrix(input.link.url);
  // renderToBuffer is typed for a <Document> element; Handout returns one.
  const element = createElement(Handout, { ...input, qr }) as unknown as Parameters<typeof renderToBuffer>[0];
  return renderToBuffer(element);
}

/**
 * Renders the handout PDF. With a `cacheKey` (from handoutCacheKey), a repeat request
 * for the same handout is served from an in-process cache; the cache only saves time,
 * and every caller gets its own copy of the bytes.
 */
export async function renderHandout(input: HandoutInput, options: { cacheKey?: string } = {}): Promise<Buffer> {
  if (!options.cacheKey) return renderUncached(input);
  const buffer = await cache.getOrCreate(options.cacheKey, () => renderUncached(input));
  return Buffer.from(buffer);
}

const WARM_UP_TEXT = "Lie on your back with your knees bent, breathe out slowly and keep your back flat.";

/** A few pages with every part of a handout, so warming up exercises the same code paths. */
function warmUpInput(): HandoutInput {
  const items = Array.from({ length: 4 }, (_, i) => ({
    position: i,
    exerciseId: `warm-up-${i}`,
    slug: "warm-up",
    poseSlug: null,
    name: `Warm-up ${i + 1}`,
    purpose: WARM_UP_TEXT,
    bodyPosition: "supine" as const,
    equipment: ["mat"],
    steps: Array.from({ length: 5 }, () => WARM_UP_TEXT),
    cues: [],
    cautions: [WARM_UP_TEXT],
    dosage: { sets: 3, reps: 10, holdSeconds: 5, restSeconds: 30, sides: "each" as const, timesPerDay: 1 + (i % 2), daysPerWeek: 5, load: "", note: WARM_UP_TEXT },
  }));
  return {
    programme: {
      programmeId: "warm-up",
      version: 1,
      title: "Warm-up",
      patientNote: WARM_UP_TEXT,
      changeNote: "",
      startDate: "2026-01-05",
      reviewDate: null,
      updatedAt: "2026-01-05T00:00:00.000Z",
      patient: { firstName: "A", name: "A Patient" },
      clinician: { name: "A Clinician" },
      clinic: { name: "Clinic", address: "1 Street", phone: "0100 000 000", paperSize: "A4" },
      items,
      changes: null,
    },
    safety: [{ id: "warm-up", title: "Warm-up", text: WARM_UP_TEXT }],
    link: { url: "https://example.org/p/warm-up", shortUrl: "example.org/p/warm-up" },
    generatedOn: "2026-01-05",
    weeks: 4,
  };
}

/**
 * Parses the fonts and renders a throwaway handout a few times, so the first real
 * download does not pay for compiling react-pdf's code (a first render in a process
 * takes several times longer than a warm one). Call once at server start without
 * awaiting; skipping it only makes the first downloads slower.
 */
export async function warmHandoutRenderer(): Promise<void> {
  const input = warmUpInput();
  for (let i = 0; i < 3; i += 1) await renderUncached(input);
}

/** Forgets a programme's cached handouts (its patient was erased). Keys start with the programme id. */
export function forgetHandoutsOf(programmeId: string): void {
  cache.deleteByPrefix(`${programmeId}|`);
}

/** Forgets every cached handout (tests, or after the illustrations change). */
export function clearHandoutCache(): void {
  cache.clear();
}

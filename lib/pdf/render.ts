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

// ~100 kB per handout: 64 of them stay well under the byte cap.
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

/** Forgets every cached handout (tests, or after the illustrations change). */
export function clearHandoutCache(): void {
  cache.clear();
}

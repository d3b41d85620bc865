import { renderToBuffer } from "@react-pdf/renderer";
import { createElement } from "react";
import { loadHandoutFonts } from "./fonts";
import { Handout, type HandoutProps } from "./handout";
import { createQrMatrix } from "./qr";

/** Everything a handout shows; the QR code is made here from `link.url`. */
export type HandoutInput = Omit<HandoutProps, "qr">;

/**
 * Draws the handout PDF. This module carries react-pdf, its layout engine and the fonts
 * (tens of MiB once loaded): callers that may not need a render (a stored copy, a cached
 * one) load it with import() on a miss, through lib/pdf/handout-cache.ts.
 */
export async function renderHandout(input: HandoutInput): Promise<Buffer> {
  await loadHandoutFonts();
  const qr = createQrMatrix(input.link.url);
  // renderToBuffer is typed for a <Document> element; Handout returns one.
  const element = createElement(Handout, { ...input, qr }) as unknown as Parameters<typeof renderToBuffer>[0];
  return renderToBuffer(element);
}

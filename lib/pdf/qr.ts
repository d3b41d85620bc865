import QRCode from "qrcode";

/** A QR code as its grid of modules: `dark[row * size + col]` is 1 for a dark module. */
export type QrMatrix = { size: number; dark: Uint8Array };

/** Modules of light margin the QR specification asks for around the code. */
export const QR_QUIET_ZONE = 4;

/*
 * Level M survives a crease, a smudge or a pen tick across the code, and keeps a
 * short link at version 3–4 (29–33 modules), big enough to scan from a printout.
 */
export function createQrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  return { size: modules.size, dark: Uint8Array.from(modules.data, (bit) => (bit ? 1 : 0)) };
}

/**
 * The dark modules as one SVG path in module units, offset by the quiet zone: each run
 * of dark modules in a row becomes one rectangle. One vector path stays sharp at any
 * printer resolution and is far cheaper to lay out than a node per module.
 */
export function qrPath(qr: QrMatrix): string {
  const parts: string[] = [];
  for (let row = 0; row < qr.size; row += 1) {
    let col = 0;
    while (col < qr.size) {
      if (!qr.dark[row * qr.size + col]) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < qr.size && qr.dark[row * qr.size + col]) col += 1;
      const run = col - start;
      parts.push(`M${start + QR_QUIET_ZONE} ${row + QR_QUIET_ZONE}h${run}v1h-${run}z`);
    }
  }
  return parts.join("");
}

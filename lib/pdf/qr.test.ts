import { describe, expect, it } from "vitest";
import { QR_QUIET_ZONE, createQrMatrix, qrPath } from "./qr";

/** Paints the path's rectangles back onto a grid, to compare with the matrix. */
function paint(path: string, size: number): Uint8Array {
  const grid = new Uint8Array(size * size);
  for (const [, x, y, run] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let i = 0; i < Number(run); i += 1) {
      const index = (Number(y) - QR_QUIET_ZONE) * size + Number(x) - QR_QUIET_ZONE + i;
      grid[index] = grid[index]! + 1;
    }
  }
  return grid;
}

describe("QR code for the follow-along link", () => {
  it("is small enough to print large: a short link fits version 3 or 4 at level M", () => {
    const qr = createQrMatrix("https://homeplan.example/p/Xy7kP2mQ9rT4vW8zA1bC3dE5");
    expect([29, 33]).toContain(qr.size);
  });

  it("draws every dark module exactly once and no light one", () => {
    const qr = createQrMatrix("https://clinic.example.org/p/abc");
    expect(paint(qrPath(qr), qr.size)).toEqual(qr.dark);
  });
});

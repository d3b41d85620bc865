import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { PHOTO_FILES } from "@/lib/domain/media";
import { processPhoto } from "./photo";
import { GPS_POINTER, phonePhoto, pixelBomb } from "./test-support";

describe("processPhoto", () => {
  it("keeps no metadata, turns the picture upright and writes every width in WebP and JPEG", async () => {
    const input = await phonePhoto();
    const inputMeta = await sharp(input).metadata();
    expect(inputMeta.exif?.includes(GPS_POINTER)).toBe(true);
    expect(inputMeta.orientation).toBe(6);
    expect(input.includes(Buffer.from("Canary Phone"))).toBe(true);

    const photo = await processPhoto(input);
    // Orientation 6 turns 400x300 stored pixels into a 300-wide, 400-high picture.
    expect({ width: photo.width, height: photo.height }).toEqual({ width: 300, height: 400 });
    expect(photo.files.map((f) => f.variant.file)).toEqual(PHOTO_FILES);
    for (const { body, variant } of photo.files) {
      const meta = await sharp(body).metadata();
      expect(meta.exif, variant.file).toBeUndefined();
      expect(meta.xmp, variant.file).toBeUndefined();
      expect(meta.iptc, variant.file).toBeUndefined();
      expect(meta.orientation ?? 1, variant.file).toBe(1);
      expect(body.includes(Buffer.from("Canary Phone")), variant.file).toBe(false);
      expect(meta.format).toBe(variant.file.endsWith(".webp") ? "webp" : "jpeg");
      // Never enlarged past the original.
      expect(meta.width).toBe(300);
    }
    expect(photo.sha256).toBe(photo.files.find((f) => f.variant.file === "w1600.jpg")!.variant.sha256);
  });

  it("scales a large photo down to each width", async () => {
    const big = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: "#336699" } })
      .png()
      .toBuffer();
    const photo = await processPhoto(big);
    const widths = await Promise.all(photo.files.map(async (f) => (await sharp(f.body).metadata()).width));
    expect(widths).toEqual([480, 480, 960, 960, 1600, 1600]);
  });

  it("refuses what is not a photo, a damaged photo and a decompression bomb", async () => {
    await expect(processPhoto(Buffer.from("%PDF-1.4 not a photo at all"))).rejects.toThrow(/not a photo/);
    const jpeg = await phonePhoto();
    await expect(processPhoto(jpeg.subarray(0, Math.floor(jpeg.length / 2)))).rejects.toThrow(/damaged|not a photo/);
    const bomb = await pixelBomb();
    expect(bomb.length).toBeLessThan(200);
    await expect(processPhoto(bomb)).rejects.toThrow(/too many pixels/);
  });
});

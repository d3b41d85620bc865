import { createHash } from "node:crypto";
import sharp, { type Metadata } from "sharp";
import { MEDIA_LIMITS, PHOTO_WIDTHS, type MediaFile, type PhotoFormat } from "@/lib/domain/media";
import type { MediaVariant } from "@/db/schema";
import { MediaRefusal } from "./refusal";

export type ProcessedPhoto = {
  width: number;
  height: number;
  files: { variant: MediaVariant; body: Buffer }[];
  /** The largest JPEG's SHA-256: the file the handout prints. */
  sha256: string;
};

const DECODED = new Set(["jpeg", "png", "webp"]);
const sha256 = (body: Buffer) => createHash("sha256").update(body).digest("hex");

/**
 * Decodes a photo and writes it anew: turned upright by its orientation tag, with every
 * metadata block left behind (a phone photo's EXIF carries GPS: the clinic's or the
 * patient's home), at each width no larger than the original, as WebP and JPEG. Whatever
 * the file's name or declared type, only its decoded pixels are kept.
 */
export async function processPhoto(input: Buffer): Promise<ProcessedPhoto> {
  if (input.length > MEDIA_LIMITS.photoBytes)
    throw new MediaRefusal(`This photo is larger than ${MEDIA_LIMITS.photoBytes / 1024 / 1024} MB.`, 413);
  const options = { limitInputPixels: MEDIA_LIMITS.photoPixels, failOn: "error" as const, sequentialRead: true };
  let meta: Metadata;
  try {
    // Headers only: the pixel count is checked before anything is decoded.
    meta = await sharp(input, { failOn: "error", limitInputPixels: false }).metadata();
  } catch {
    throw new MediaRefusal("This file is not a photo we can read (JPEG, PNG or WebP).", 415);
  }
  if (!meta.format || !DECODED.has(meta.format)) {
    throw new MediaRefusal(
      meta.format === "heif"
        ? "HEIC photos cannot be read here: set the phone camera to “Most compatible” (JPEG), or share the photo as JPEG."
        : "This file is not a photo we can read (JPEG, PNG or WebP).",
      415,
    );
  }
  if (!meta.width || !meta.height || meta.width * meta.height > MEDIA_LIMITS.photoPixels || (meta.pages ?? 1) > 1) {
    throw new MediaRefusal(
      `This photo has too many pixels (more than ${MEDIA_LIMITS.photoPixels / 1_000_000} megapixels) or several frames.`,
      422,
    );
  }
  try {
    // rotate() with no angle applies the orientation tag; the output carries no metadata unless asked.
    const upright = sharp(input, options).rotate();
    // Orientations 5–8 turn the picture a quarter: its upright width is the stored height.
    const full = (meta.orientation ?? 1) >= 5 ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height };
    const widths = PHOTO_WIDTHS.map((w) => Math.min(w, full.width));
    const files: ProcessedPhoto["files"] = [];
    for (const [i, target] of PHOTO_WIDTHS.entries()) {
      const resized = upright.clone().resize({ width: widths[i], withoutEnlargement: true });
      for (const format of ["webp", "jpg"] as const satisfies readonly PhotoFormat[]) {
        const body = await (
          format === "webp" ? resized.clone().webp({ quality: 78 }) : resized.clone().jpeg({ quality: 82, mozjpeg: true })
        ).toBuffer();
        files.push({
          body,
          variant: {
            file: `w${target}.${format}` as MediaFile,
            contentType: format === "webp" ? "image/webp" : "image/jpeg",
            bytes: body.length,
            sha256: sha256(body),
          },
        });
      }
    }
    const largest = files.findLast((f) => f.variant.contentType === "image/jpeg")!;
    return { width: full.width, height: full.height, files, sha256: largest.variant.sha256 };
  } catch (error) {
    if (error instanceof MediaRefusal) throw error;
    throw new MediaRefusal("This photo is damaged or incomplete and could not be read.", 422);
  }
}

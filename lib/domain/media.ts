/**
 * A clinic's own photos and videos of an exercise, defined once: the database enum and
 * checks (db/schema.ts), the upload checks (lib/media), the form's `accept` and the
 * messages all derive from these values.
 */
export const MEDIA_KINDS = ["photo", "video"] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** Photo widths kept, in pixels: a phone list, a phone full screen or tablet, a desktop or the handout. */
export const PHOTO_WIDTHS = [480, 960, 1600] as const;
export type PhotoWidth = (typeof PHOTO_WIDTHS)[number];
export const PHOTO_FORMATS = ["webp", "jpg"] as const;
export type PhotoFormat = (typeof PHOTO_FORMATS)[number];

/** The video containers a phone browser plays; the type is read from the file's bytes. */
export const VIDEO_CONTAINERS = ["mp4", "webm"] as const;
export type VideoContainer = (typeof VIDEO_CONTAINERS)[number];
export const VIDEO_CONTENT_TYPES: Record<VideoContainer, string> = { mp4: "video/mp4", webm: "video/webm" };

export const MEDIA_LIMITS = {
  /** A phone photo is 2–12 MB; a panorama or a raw export is not what this is for. */
  photoBytes: 20 * 1024 * 1024,
  /** Decoding a bigger image could take the server's memory (a decompression bomb); 50 MP is past any phone camera. */
  photoPixels: 50_000_000,
  videoBytes: 50 * 1024 * 1024,
  videoSeconds: 60,
  altText: { min: 3, max: 200 },
  photosPerExercise: 6,
  videosPerExercise: 1,
} as const;

/** The file names a stored item is served under. */
export const PHOTO_FILES = PHOTO_WIDTHS.flatMap((w) => PHOTO_FORMATS.map((f) => `w${w}.${f}` as const));
export const VIDEO_FILE = "video";
export const MEDIA_FILES = [...PHOTO_FILES, VIDEO_FILE] as const;
export type MediaFile = (typeof MEDIA_FILES)[number];

export const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

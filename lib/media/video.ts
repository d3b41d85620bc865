import { MEDIA_LIMITS, type VideoContainer } from "@/lib/domain/media";
import { MediaRefusal } from "./refusal";

export type VideoFacts = { container: VideoContainer; durationMs: number };

/**
 * What a video is, read from its own bytes (never its name or the browser's word): an
 * MP4/QuickTime file whose video track is H.264, or a WebM file; and how long it plays.
 * Only the container headers are read; the frames are stored as uploaded.
 */
export function inspectVideo(bytes: Buffer): VideoFacts {
  if (bytes.length > MEDIA_LIMITS.videoBytes)
    throw new MediaRefusal(`This video is larger than ${MEDIA_LIMITS.videoBytes / 1024 / 1024} MB.`, 413);
  let facts: VideoFacts | null = null;
  try {
    if (bytes.length >= 12 && bytes.subarray(4, 8).toString("latin1") === "ftyp") facts = inspectMp4(bytes);
    else if (bytes.length >= 12 && bytes.readUInt32BE(0) === 0x1a45dfa3) facts = inspectWebm(bytes);
  } catch (error) {
    // A header that points past the end of the file: cut short or made up.
    if (error instanceof RangeError) throw new MediaRefusal("This video is damaged or was cut short in uploading.", 422);
    throw error;
  }
  if (!facts) throw new MediaRefusal("This file is not a video we can play (MP4 with H.264, or WebM).", 415);
  if (facts.durationMs > MEDIA_LIMITS.videoSeconds * 1000)
    throw new MediaRefusal(
      `This video is longer than ${MEDIA_LIMITS.videoSeconds} seconds. Trim it on the phone and upload it again.`,
      422,
    );
  return facts;
}

// ---------------------------------------------------------------- MP4 (ISO base media)

type Box = { type: string; start: number; body: number; end: number };

function* boxes(bytes: Buffer, from: number, to: number): Generator<Box> {
  let at = from;
  while (at + 8 <= to) {
    let size = bytes.readUInt32BE(at);
    const type = bytes.subarray(at + 4, at + 8).toString("latin1");
    let body = at + 8;
    if (size === 1) {
      if (at + 16 > to) return;
      size = Number(bytes.readBigUInt64BE(at + 8));
      body = at + 16;
    } else if (size === 0) size = to - at;
    if (size < body - at || at + size > to) throw new MediaRefusal("This video is damaged or was cut short in uploading.", 422);
    yield { type, start: at, body, end: at + size };
    at += size;
  }
}

const CONTAINERS = new Set(["moov", "trak", "mdia", "minf", "stbl"]);

function inspectMp4(bytes: Buffer): VideoFacts | null {
  let durationMs: number | null = null;
  const codecs: string[] = [];
  const walk = (from: number, to: number) => {
    for (const box of boxes(bytes, from, to)) {
      if (CONTAINERS.has(box.type)) walk(box.body, box.end);
      else if (box.type === "mvhd") durationMs = mvhdDuration(bytes, box);
      else if (box.type === "stsd" && box.body + 16 <= box.end)
        codecs.push(bytes.subarray(box.body + 12, box.body + 16).toString("latin1"));
    }
  };
  walk(0, bytes.length);
  if (durationMs === null) throw new MediaRefusal("This video is damaged or was cut short in uploading (no MP4 index found).", 422);
  if (!codecs.some((c) => c === "avc1" || c === "avc3")) {
    throw new MediaRefusal(
      codecs.some((c) => c === "hvc1" || c === "hev1")
        ? "This video is HEVC, which many browsers cannot play: set the phone camera to “Most compatible” (H.264) and film again."
        : "This MP4 has no H.264 video track.",
      415,
    );
  }
  return { container: "mp4", durationMs };
}

function mvhdDuration(bytes: Buffer, box: Box): number {
  const version = bytes[box.body];
  const timescale = version === 1 ? bytes.readUInt32BE(box.body + 20) : bytes.readUInt32BE(box.body + 12);
  const duration = version === 1 ? Number(bytes.readBigUInt64BE(box.body + 24)) : bytes.readUInt32BE(box.body + 16);
  if (!timescale) throw new MediaRefusal("This video is damaged (its length cannot be read).", 422);
  return Math.round((duration / timescale) * 1000);
}

// ---------------------------------------------------------------- WebM (Matroska's EBML)

/** An EBML variable-length number at `at`: its value and width. `marker` keeps the length marker bit (for ids). */
function vint(bytes: Buffer, at: number, marker: boolean): { value: number; width: number; unknown: boolean } | null {
  const first = bytes[at];
  if (first === undefined || first === 0) return null;
  const width = Math.clz32(first) - 23;
  if (width > 8 || at + width > bytes.length) return null;
  let value = marker ? first : first & (0xff >> width);
  let allOnes = value === 0xff >> width;
  for (let i = 1; i < width; i++) {
    value = value * 256 + bytes[at + i]!;
    if (bytes[at + i] !== 0xff) allOnes = false;
  }
  return { value, width, unknown: !marker && allOnes };
}

const EBML = { header: 0x1a45dfa3, docType: 0x4282, segment: 0x18538067, info: 0x1549a966, timecodeScale: 0x2ad7b1, duration: 0x4489 };

function* elements(bytes: Buffer, from: number, to: number) {
  let at = from;
  while (at < to) {
    const id = vint(bytes, at, true);
    const size = id && vint(bytes, at + id.width, false);
    if (!id || !size) return;
    const body = at + id.width + size.width;
    const end = size.unknown ? to : Math.min(body + size.value, to);
    yield { id: id.value, body, end };
    at = end;
  }
}

function inspectWebm(bytes: Buffer): VideoFacts | null {
  let docType = "";
  let durationMs: number | null = null;
  for (const el of elements(bytes, 0, bytes.length)) {
    if (el.id === EBML.header) {
      for (const child of elements(bytes, el.body, el.end))
        if (child.id === EBML.docType) docType = bytes.subarray(child.body, child.end).toString("latin1");
    } else if (el.id === EBML.segment) {
      for (const child of elements(bytes, el.body, el.end)) {
        if (child.id !== EBML.info) continue;
        let scale = 1_000_000;
        let duration: number | null = null;
        for (const field of elements(bytes, child.body, child.end)) {
          if (field.id === EBML.timecodeScale) scale = bytes.readUIntBE(field.body, Math.min(6, field.end - field.body));
          if (field.id === EBML.duration)
            duration = field.end - field.body === 4 ? bytes.readFloatBE(field.body) : bytes.readDoubleBE(field.body);
        }
        if (duration !== null) durationMs = Math.round((duration * scale) / 1_000_000);
        break;
      }
      break;
    }
  }
  if (docType !== "webm") return null;
  // A recording straight from a browser often has no length written; it is then refused rather than trusted.
  if (durationMs === null)
    throw new MediaRefusal("This WebM video does not say how long it is. Upload it as MP4, or save it again with a video app.", 422);
  return { container: "webm", durationMs };
}

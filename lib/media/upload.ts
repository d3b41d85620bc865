import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import type { Database } from "@/db/client";
import { addMedia, type NewMedia } from "@/db/queries/media";
import { getPatient } from "@/db/queries/patients";
import type { MediaVariant } from "@/db/schema";
import { MEDIA_LIMITS, VIDEO_CONTENT_TYPES, VIDEO_FILE, megabytes } from "@/lib/domain/media";
import { logError } from "@/lib/errors";
import { processPhoto } from "./photo";
import { MediaRefusal } from "./refusal";
import { mediaStore } from "./storage";
import { mediaKey } from "./store";
import { inspectVideo } from "./video";

const MAX_UPLOAD = Math.max(MEDIA_LIMITS.photoBytes, MEDIA_LIMITS.videoBytes);

/** The words sent with a file: what it shows (required, read aloud to a patient who cannot see it). */
export const uploadDetailsSchema = z.object({
  /** Set when the photo or video shows a patient: it is then theirs, and goes if they are erased. */
  patientId: z.uuid("Choose the patient from the list.").optional(),
  altText: z
    .string()
    .trim()
    .min(MEDIA_LIMITS.altText.min, `Describe what the photo or video shows (at least ${MEDIA_LIMITS.altText.min} characters).`)
    .max(MEDIA_LIMITS.altText.max, `Keep the description under ${MEDIA_LIMITS.altText.max} characters.`),
});

/**
 * Reads the request body, stopping as soon as it passes the size limit (the declared
 * length is not trusted). A body that breaks off is refused: nothing has been stored yet.
 */
export async function readUpload(request: Request): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_UPLOAD) throw new MediaRefusal(`This file is larger than ${megabytes(MAX_UPLOAD)}.`, 413);
  const reader = request.body?.getReader();
  if (!reader) throw new MediaRefusal("No file was sent.", 400);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > MAX_UPLOAD) {
        await reader.cancel().catch(() => undefined);
        throw new MediaRefusal(`This file is larger than ${megabytes(MAX_UPLOAD)}.`, 413);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof MediaRefusal) throw error;
    throw new MediaRefusal("The upload was interrupted and nothing was kept. Please try again.", 400);
  }
  if (total === 0) throw new MediaRefusal("No file was sent.", 400);
  return Buffer.concat(chunks, total);
}

const looksLikeVideo = (bytes: Buffer) =>
  bytes.length >= 12 && (bytes.subarray(4, 8).toString("latin1") === "ftyp" || bytes.readUInt32BE(0) === 0x1a45dfa3);
const sha256 = (body: Buffer) => createHash("sha256").update(body).digest("hex");

type Prepared = { item: Omit<NewMedia, "id" | "exerciseId" | "altText" | "patientId">; files: { variant: MediaVariant; body: Buffer }[] };

/** Photo or video, by the file's own bytes; refuses anything else. */
async function prepare(bytes: Buffer): Promise<Prepared> {
  if (looksLikeVideo(bytes)) {
    const video = inspectVideo(bytes);
    const variant: MediaVariant = {
      file: VIDEO_FILE,
      contentType: VIDEO_CONTENT_TYPES[video.container],
      bytes: bytes.length,
      sha256: sha256(bytes),
    };
    return {
      item: { kind: "video", sha256: variant.sha256, bytes: bytes.length, durationMs: video.durationMs, variants: [variant] },
      files: [{ variant, body: bytes }],
    };
  }
  const photo = await processPhoto(bytes);
  const variants = photo.files.map((f) => f.variant);
  return {
    item: {
      kind: "photo",
      sha256: photo.sha256,
      bytes: variants.reduce((sum, v) => sum + v.bytes, 0),
      width: photo.width,
      height: photo.height,
      variants,
    },
    files: photo.files,
  };
}

export type Uploaded = { id: string; kind: "photo" | "video" };

/**
 * Checks, converts and stores one upload for one of the clinic's exercises. The files go
 * to the store first and the row last: until the row exists no route can reach them, and
 * if anything fails on the way every file written is removed again.
 */
export async function storeUpload(
  db: Database,
  actor: { clinicId: string; clinicianId: string },
  input: { exerciseId: string; altText: string; patientId?: string; bytes: Buffer },
): Promise<Uploaded> {
  if (input.patientId && !(await getPatient(db, { id: input.patientId, clinicId: actor.clinicId })))
    throw new MediaRefusal("We couldn't find that patient.", 400);
  const prepared = await prepare(input.bytes);
  const id = randomUUID();
  const store = mediaStore();
  const keys = prepared.files.map((f) => mediaKey(actor.clinicId, id, f.variant.file));
  const undo = () => store.remove(keys).catch((error) => logError("media clean-up failed", error));
  try {
    for (const [i, file] of prepared.files.entries()) await store.put(keys[i]!, file.body, file.variant.contentType);
    const result = await addMedia(db, actor, {
      ...prepared.item,
      id,
      exerciseId: input.exerciseId,
      altText: input.altText,
      patientId: input.patientId,
    });
    if (result.status === "not_found") throw new MediaRefusal("We couldn't find that exercise among your clinic's own.", 400);
    if (result.status === "full") throw new MediaRefusal(result.message, 422);
  } catch (error) {
    await undo();
    throw error;
  }
  return { id, kind: prepared.item.kind };
}

/** Deletes an item's files; the row has already gone, so a failure here only leaves unreachable bytes, which is logged. */
export async function removeStoredFiles(clinicId: string, mediaId: string, files: string[]): Promise<void> {
  await mediaStore()
    .remove(files.map((f) => mediaKey(clinicId, mediaId, f)))
    .catch((error) => logError("media files could not be removed", error));
}

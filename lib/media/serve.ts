import "server-only";
import type { ExerciseMedia } from "@/db/schema";
import { logError } from "@/lib/errors";
import { parseRange } from "./range";
import { mediaStore } from "./storage";
import { mediaKey } from "./store";
import { toWebStream } from "./web-stream";

export const notFound = () => new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

/**
 * One stored file of an item the caller has already been allowed to see. Ranges are
 * answered 206 so a phone can seek a video; the ETag is the content's SHA-256, so a
 * browser revalidates (and is asked for its session or link again) without a download.
 */
export async function mediaResponse(request: Request, media: ExerciseMedia, file: string): Promise<Response> {
  const variant = media.variants.find((v) => v.file === file);
  if (!variant) return notFound();
  const headers = new Headers({
    ETag: `"${variant.sha256}"`,
    "Cache-Control": "private, no-cache",
    "Accept-Ranges": "bytes",
    "Content-Type": variant.contentType,
    "Content-Disposition": "inline",
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Resource-Policy": "same-origin",
  });
  if (request.headers.get("if-none-match") === headers.get("ETag")) return new Response(null, { status: 304, headers });
  const range = parseRange(request.headers.get("range"), variant.bytes);
  if (range === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${variant.bytes}`);
    return new Response(null, { status: 416, headers });
  }
  const stored = await mediaStore().get(mediaKey(media.clinicId, media.id, file), range ?? undefined);
  if (!stored) {
    logError("media file missing from the store", new Error(`${media.id}/${file}`));
    return notFound();
  }
  const body = toWebStream(stored.body);
  if (!range) {
    headers.set("Content-Length", String(stored.size));
    return new Response(body, { status: 200, headers });
  }
  headers.set("Content-Range", `bytes ${range.start}-${range.end}/${stored.size}`);
  headers.set("Content-Length", String(range.end - range.start + 1));
  return new Response(body, { status: 206, headers });
}

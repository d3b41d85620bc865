import type { ResolvedLink } from "@/db/queries/links";
import { sameOrigin } from "@/lib/request";
import { lookUpPatientLink } from "./access";

/*
 * What every POST through a patient's link checks before its own rules: the same
 * origin, a live link (a miss is counted), a body of at most 64 KiB that is JSON.
 * Used by the session log and the questionnaire answers.
 */

const MAX_BODY = 64 * 1024;
export const noStore = { "Cache-Control": "no-store" };

/**
 * Reads a request body up to `limit` bytes; null when it is longer (the rest is not read).
 * Content-Length alone is no cap: a chunked body has none.
 */
export async function readCapped(request: Request, limit: number): Promise<Buffer | null> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** A 429 in calm words: the phone keeps what it sent and tries again after Retry-After. */
export function tooMany(message: string, retryAfter: number) {
  return Response.json({ error: "rate_limited", message }, { status: 429, headers: { ...noStore, "Retry-After": String(retryAfter) } });
}

/** The live link and the parsed JSON body, or the answer to give instead (403, 404, 413, 400, 429). */
export async function readLinkPost(
  request: Request,
  token: string,
  busyMessage: string,
): Promise<{ link: ResolvedLink; body: unknown } | Response> {
  if (!sameOrigin(request)) return Response.json({ error: "forbidden" }, { status: 403, headers: noStore });
  const { link, retryAfter } = await lookUpPatientLink(token);
  if (!link)
    return retryAfter > 0 ? tooMany(busyMessage, retryAfter) : Response.json({ error: "not_found" }, { status: 404, headers: noStore });
  // Refuse an oversized body before reading it, and stop reading one that lies about its size.
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY)
    return Response.json({ error: "too_large" }, { status: 413, headers: noStore });
  const bytes = await readCapped(request, MAX_BODY);
  if (bytes === null) return Response.json({ error: "too_large" }, { status: 413, headers: noStore });
  try {
    return { link, body: JSON.parse(bytes.toString("utf8")) };
  } catch {
    return Response.json({ error: "invalid" }, { status: 400, headers: noStore });
  }
}

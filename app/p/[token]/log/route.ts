import { getDb } from "@/db/client";
import { errorResponse } from "@/lib/errors";
import { recordSessionLog } from "@/db/queries/sessions";
import { lookUpPatientLink } from "@/lib/patient/access";
import { sessionLogPayloadSchema, type SessionLogPayload } from "@/lib/player/log-payload";
import { readCapped } from "@/lib/patient/read-body";
import { sameOrigin } from "@/lib/request";

const MAX_BODY = 64 * 1024;

/**
 * Checks that need no database: started before it finished, and no NUL (which Postgres
 * cannot store). The rest (the version's items, the link's life, quotas) is checked in
 * recordSessionLog.
 */
function plausible(log: SessionLogPayload): boolean {
  if (log.startedAt && Date.parse(log.startedAt) > Date.parse(log.completedAt)) return false;
  return !log.comment.includes("\u0000");
}
const noStore = { "Cache-Control": "no-store" };

/** Calm words for the player; it keeps the log and sends it again after Retry-After. */
function tooMany(retryAfter: number) {
  return Response.json(
    { error: "rate_limited", message: "We've received a lot of sessions from this link just now. Your session is kept on your phone and we'll try again later." },
    { status: 429, headers: { ...noStore, "Retry-After": String(retryAfter) } },
  );
}

/**
 * The player's end-of-session log. 201 for a new log, 200 for one already stored under
 * the same idempotency key (a retry), 400 for a log the player could not have made,
 * 429 past a quota (nothing written), 404 for any link that is not live (429 once an
 * address has missed too often).
 */
async function handle(request: Request, { params }: { params: Promise<{ token: string }> }) {
  if (!sameOrigin(request)) return Response.json({ error: "forbidden" }, { status: 403, headers: noStore });
  const { token } = await params;
  const { link, retryAfter } = await lookUpPatientLink(token);
  if (!link) return retryAfter > 0 ? tooMany(retryAfter) : Response.json({ error: "not_found" }, { status: 404, headers: noStore });
  // Refuse an oversized body before reading it, and stop reading one that lies about its size.
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY) return Response.json({ error: "too_large" }, { status: 413, headers: noStore });
  const text = await readCapped(request, MAX_BODY);
  if (text === null) return Response.json({ error: "too_large" }, { status: 413, headers: noStore });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return Response.json({ error: "invalid" }, { status: 400, headers: noStore });
  }
  const parsed = sessionLogPayloadSchema.safeParse(body);
  if (!parsed.success || !plausible(parsed.data)) return Response.json({ error: "invalid" }, { status: 400, headers: noStore });
  const result = await recordSessionLog(await getDb(), link, parsed.data);
  if ("retryAfter" in result) return tooMany(result.retryAfter);
  if ("error" in result) return Response.json({ error: "invalid" }, { status: 400, headers: noStore });
  return Response.json({ id: result.id }, { status: result.created ? 201 : 200, headers: noStore });
}

/** A database that is away answers 503 with Retry-After (the player's queue waits and resends), never a bare 500. */
export async function POST(request: Request, context: { params: Promise<{ token: string }> }) {
  try {
    return await handle(request, context);
  } catch (error) {
    return errorResponse(error);
  }
}

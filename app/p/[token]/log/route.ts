import { getDb } from "@/db/client";
import { errorResponse } from "@/lib/errors";
import { recordSessionLog } from "@/db/queries/sessions";
import { sessionLogPayloadSchema, type SessionLogPayload } from "@/lib/player/log-payload";
import { noStore, readLinkPost, tooMany } from "@/lib/links/link-post";

/**
 * Checks that need no database: started before it finished, and no NUL (which Postgres
 * cannot store). The rest (the version's items, the link's life, quotas) is checked in
 * recordSessionLog.
 */
function plausible(log: SessionLogPayload): boolean {
  if (log.startedAt && Date.parse(log.startedAt) > Date.parse(log.completedAt)) return false;
  return !log.comment.includes("\u0000");
}

const BUSY = "We've received a lot of sessions from this link just now. Your session is kept on your phone and we'll try again later.";

/**
 * The player's end-of-session log. 201 for a new log, 200 for one already stored under
 * the same idempotency key (a retry), 400 for a log the player could not have made,
 * 429 past a quota (nothing written), 404 for any link that is not live (429 once an
 * address has missed too often).
 */
async function handle(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const read = await readLinkPost(request, (await params).token, BUSY);
  if (read instanceof Response) return read;
  const { link, body } = read;
  const parsed = sessionLogPayloadSchema.safeParse(body);
  if (!parsed.success || !plausible(parsed.data)) return Response.json({ error: "invalid" }, { status: 400, headers: noStore });
  const result = await recordSessionLog(await getDb(), link, parsed.data);
  if ("retryAfter" in result) return tooMany(BUSY, result.retryAfter);
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

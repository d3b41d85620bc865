import { getDb } from "@/db/client";
import { recordSessionLog } from "@/db/queries/sessions";
import { resolvePatientLink } from "@/lib/patient/access";
import { sessionLogPayloadSchema, type SessionLogPayload } from "@/lib/player/log-payload";
import { sameOrigin } from "@/lib/request";

const MAX_BODY = 64 * 1024;

async function readCapped(request: Request, limit: number): Promise<string | null> {
  if (!request.body) return "";
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
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * A log the patient's phone could really have made: finished no later than now (with a
 * little clock drift), started before it finished, no more sets than planned, and no NUL
 * (which Postgres cannot store). A future date would hide the "nothing logged" flag.
 */
function plausible(log: SessionLogPayload): boolean {
  const completed = Date.parse(log.completedAt);
  if (completed > Date.now() + 5 * 60_000 || completed < Date.parse("2020-01-01")) return false;
  if (log.startedAt && Date.parse(log.startedAt) > completed) return false;
  if (log.exercises.some((e) => e.setsDone > e.setsPlanned)) return false;
  return !log.comment.includes("\u0000");
}
const noStore = { "Cache-Control": "no-store" };

/**
 * The player's end-of-session log. 201 for a new log, 200 for one already stored under
 * the same idempotency key (a retry), 404 for any link that is not live.
 */
export async function POST(request: Request, { params }: { params: Promise<{ token: string }> }) {
  if (!sameOrigin(request)) return Response.json({ error: "forbidden" }, { status: 403, headers: noStore });
  const { token } = await params;
  const link = await resolvePatientLink(token);
  if (!link) return Response.json({ error: "not_found" }, { status: 404, headers: noStore });
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
  if ("error" in result) return Response.json({ error: result.error }, { status: 400, headers: noStore });
  return Response.json({ id: result.id }, { status: result.created ? 201 : 200, headers: noStore });
}

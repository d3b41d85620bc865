import { getDb } from "@/db/client";
import { recordResponse } from "@/db/queries/outcomes";
import { errorResponse } from "@/lib/errors";
import { answerPayloadSchema } from "@/lib/outcomes/answer-payload";
import { lookUpPatientLink } from "@/lib/patient/access";
import { readCapped } from "@/lib/patient/read-body";
import { sameOrigin } from "@/lib/request";

const MAX_BODY = 64 * 1024;
const noStore = { "Cache-Control": "no-store" };

function tooMany(retryAfter: number) {
  return Response.json(
    { error: "rate_limited", message: "We've received a lot from this link just now. Your answers are kept on your phone and we'll try again later." },
    { status: 429, headers: { ...noStore, "Retry-After": String(retryAfter) } },
  );
}

/**
 * One answered measure from the patient's questionnaire, sent like a session log:
 * 201 new, 200 a resend of one already stored, 400 answers the form could not have
 * made (with the item named), 429 past a quota (nothing written), 404 any link that is
 * not live.
 */
async function handle(request: Request, { params }: { params: Promise<{ token: string }> }) {
  if (!sameOrigin(request)) return Response.json({ error: "forbidden" }, { status: 403, headers: noStore });
  const { token } = await params;
  const { link, retryAfter } = await lookUpPatientLink(token);
  if (!link) return retryAfter > 0 ? tooMany(retryAfter) : Response.json({ error: "not_found" }, { status: 404, headers: noStore });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY) return Response.json({ error: "too_large" }, { status: 413, headers: noStore });
  const text = await readCapped(request, MAX_BODY);
  if (text === null) return Response.json({ error: "too_large" }, { status: 413, headers: noStore });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return Response.json({ error: "invalid" }, { status: 400, headers: noStore });
  }
  const parsed = answerPayloadSchema.safeParse(body);
  if (!parsed.success) return Response.json({ error: "invalid" }, { status: 400, headers: noStore });
  const result = await recordResponse(await getDb(), link, parsed.data);
  if ("retryAfter" in result) return tooMany(result.retryAfter);
  if ("error" in result) return Response.json({ error: "invalid", message: result.message }, { status: 400, headers: noStore });
  return Response.json({ id: result.id }, { status: result.created ? 201 : 200, headers: noStore });
}

export async function POST(request: Request, context: { params: Promise<{ token: string }> }) {
  try {
    return await handle(request, context);
  } catch (error) {
    return errorResponse(error);
  }
}

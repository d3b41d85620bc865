import { getDb } from "@/db/client";
import { recordResponse } from "@/lib/outcomes/record";
import { errorResponse } from "@/lib/errors";
import { answerPayloadSchema } from "@/lib/outcomes/answer-payload";
import { noStore, readLinkPost, tooMany } from "@/lib/links/link-post";

const BUSY = "We've received a lot from this link just now. Your answers are kept on your phone and we'll try again later.";

/**
 * One answered measure from the patient's questionnaire, sent like a session log:
 * 201 new, 200 a resend of one already stored, 400 answers the form could not have
 * made (with the item named), 429 past a quota (nothing written), 404 any link that is
 * not live.
 */
async function handle(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const read = await readLinkPost(request, (await params).token, BUSY);
  if (read instanceof Response) return read;
  const parsed = answerPayloadSchema.safeParse(read.body);
  if (!parsed.success) return Response.json({ error: "invalid" }, { status: 400, headers: noStore });
  const result = await recordResponse(await getDb(), read.link, parsed.data);
  if ("retryAfter" in result) return tooMany(BUSY, result.retryAfter);
  if ("error" in result) return Response.json({ error: "invalid", message: result.message }, { status: 400, headers: noStore });
  return Response.json({ id: result.id }, { status: result.created ? 201 : 200, headers: noStore });
}

/** A database that is away answers 503 with Retry-After (the phone's queue waits and resends), never a bare 500. */
export async function POST(request: Request, context: { params: Promise<{ token: string }> }) {
  try {
    return await handle(request, context);
  } catch (error) {
    return errorResponse(error);
  }
}

import { getDb } from "@/db/client";
import { recordSessionLog } from "@/db/queries/sessions";
import { resolvePatientLink } from "@/lib/patient/access";
import { sessionLogPayloadSchema } from "@/lib/player/log-payload";
import { sameOrigin } from "@/lib/request";

const MAX_BODY = 64 * 1024;
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
  const text = await request.text();
  if (text.length > MAX_BODY) return Response.json({ error: "too_large" }, { status: 413, headers: noStore });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return Response.json({ error: "invalid" }, { status: 400, headers: noStore });
  }
  const parsed = sessionLogPayloadSchema.safeParse(body);
  if (!parsed.success) return Response.json({ error: "invalid" }, { status: 400, headers: noStore });
  const result = await recordSessionLog(await getDb(), link, parsed.data);
  if ("error" in result) return Response.json({ error: result.error }, { status: 400, headers: noStore });
  return Response.json({ id: result.id }, { status: result.created ? 201 : 200, headers: noStore });
}

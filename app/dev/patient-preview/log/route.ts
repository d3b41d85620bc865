import { isProduction } from "@/lib/env";
import { sessionLogPayloadSchema } from "@/lib/player/log-payload";

/** Development only: accepts the preview player's session log so the whole flow can be tried without a patient link. */
export async function POST(request: Request) {
  if (isProduction()) return new Response("Not found", { status: 404 });
  const body: unknown = await request.json().catch(() => null);
  const parsed = sessionLogPayloadSchema.safeParse(body);
  if (!parsed.success) return Response.json({ error: "invalid", issues: parsed.error.issues.length }, { status: 400 });
  return Response.json({ ok: true, idempotencyKey: parsed.data.idempotencyKey }, { status: 201 });
}

import { getDb } from "@/db/client";
import { addPatientMessage } from "@/db/queries/messages";
import { errorResponse } from "@/lib/errors";
import { lookUpPatientLink } from "@/lib/patient/access";
import { sameOrigin } from "@/lib/request";
import { patientMessageSchema } from "@/lib/validations/messages";

type Context = { params: Promise<{ token: string }> };
const noStore = { "Cache-Control": "no-store" };
const back = (token: string, notice: string) => new Response(null, { status: 303, headers: { ...noStore, Location: `/p/${token}?message=${notice}#messages` } });

/**
 * The patient's answer from their page. The live link is the capability; the same
 * quotas as session logs apply; the answer is a plain form post sent back to the page.
 */
export async function POST(request: Request, { params }: Context) {
  try {
    if (!sameOrigin(request)) return new Response("Forbidden", { status: 403, headers: noStore });
    const { token } = await params;
    const { link, retryAfter } = await lookUpPatientLink(token);
    if (!link) return new Response("Not found", { status: retryAfter > 0 ? 429 : 404, headers: retryAfter > 0 ? { ...noStore, "Retry-After": String(retryAfter) } : noStore });
    if (Number(request.headers.get("content-length") ?? 0) > 32 * 1024) return new Response("Too large", { status: 413, headers: noStore });
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return back(token, "invalid");
    }
    const parsed = patientMessageSchema.safeParse({ body: form.get("body"), requestId: form.get("requestId") });
    if (!parsed.success) return back(token, "invalid");
    const result = await addPatientMessage(await getDb(), link, { body: parsed.data.body, idempotencyKey: parsed.data.requestId });
    return back(token, "error" in result ? "wait" : "sent");
  } catch (error) {
    return errorResponse(error);
  }
}

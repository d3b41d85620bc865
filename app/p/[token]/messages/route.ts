import { getDb } from "@/db/client";
import { addPatientMessage } from "@/db/queries/messages";
import { errorResponse } from "@/lib/errors";
import { gatePatientForm, NO_STORE as noStore } from "@/lib/links/form-gate";
import { patientMessageSchema } from "@/lib/validations/messages";

type Context = { params: Promise<{ token: string }> };
const back = (token: string, notice: string) =>
  new Response(null, { status: 303, headers: { ...noStore, Location: `/p/${token}?message=${notice}#messages` } });

/**
 * The patient's answer from their page. The live link is the capability; the same
 * quotas as session logs apply; the answer is a plain form post sent back to the page.
 */
export async function POST(request: Request, { params }: Context) {
  try {
    const { token } = await params;
    const gate = await gatePatientForm(request, token);
    if ("response" in gate) return gate.response;
    const { link, form } = gate;
    if (!form) return back(token, "invalid");
    const parsed = patientMessageSchema.safeParse({ body: form.get("body"), requestId: form.get("requestId") });
    if (!parsed.success) return back(token, "invalid");
    const result = await addPatientMessage(await getDb(), link, { body: parsed.data.body, idempotencyKey: parsed.data.requestId });
    return back(token, "error" in result ? "wait" : "sent");
  } catch (error) {
    return errorResponse(error);
  }
}

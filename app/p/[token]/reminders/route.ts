import { getDb } from "@/db/client";
import { setReminder } from "@/db/queries/reminders";
import { parseReminderTime } from "@/lib/domain/reminders";
import { errorResponse } from "@/lib/errors";
import { gatePatientForm, NO_STORE as noStore } from "@/lib/links/form-gate";

type Context = { params: Promise<{ token: string }> };

/** "off" or one of the offered times ("18:00"); anything else is refused. */
function readChoice(form: FormData): { minute: number | null } | null {
  const value = form.get("reminder");
  if (typeof value !== "string") return null;
  if (value === "off") return { minute: null };
  const minute = parseReminderTime(value);
  return minute === null ? null : { minute };
}

/**
 * The reminder form on the patient's page. The live link is the capability; the form
 * posts without script and the answer sends the browser back to the page (303).
 */
export async function POST(request: Request, { params }: Context) {
  try {
    const { token } = await params;
    const gate = await gatePatientForm(request, token);
    if ("response" in gate) return gate.response;
    const { link, form } = gate;
    const choice = form && readChoice(form);
    if (!choice) return new Response("Choose a time or No reminders.", { status: 400, headers: noStore });
    const db = await getDb();
    const busy = await db.transaction((tx) => setReminder(tx, link, choice.minute));
    if (busy)
      return new Response("Too many changes from this link just now. Please try again later.", {
        status: 429,
        headers: { ...noStore, "Retry-After": String(busy.retryAfter) },
      });
    return new Response(null, { status: 303, headers: { ...noStore, Location: `/p/${token}?reminder=saved#reminders` } });
  } catch (error) {
    return errorResponse(error);
  }
}

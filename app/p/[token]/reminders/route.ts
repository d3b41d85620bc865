import { getDb } from "@/db/client";
import { setReminder } from "@/db/queries/reminders";
import { parseReminderTime } from "@/lib/domain/reminders";
import { errorResponse } from "@/lib/errors";
import { lookUpPatientLink } from "@/lib/patient/access";
import { sameOrigin } from "@/lib/request";

type Context = { params: Promise<{ token: string }> };
const noStore = { "Cache-Control": "no-store" };

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
    if (!sameOrigin(request)) return new Response("Forbidden", { status: 403, headers: noStore });
    const { token } = await params;
    const { link, retryAfter } = await lookUpPatientLink(token);
    if (!link) return new Response("Not found", { status: retryAfter > 0 ? 429 : 404, headers: retryAfter > 0 ? { ...noStore, "Retry-After": String(retryAfter) } : noStore });
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return new Response("Choose a time or No reminders.", { status: 400, headers: noStore });
    }
    const choice = readChoice(form);
    if (!choice) return new Response("Choose a time or No reminders.", { status: 400, headers: noStore });
    const db = await getDb();
    await db.transaction((tx) => setReminder(tx, link, choice.minute));
    return new Response(null, { status: 303, headers: { ...noStore, Location: `/p/${token}?reminder=saved#reminders` } });
  } catch (error) {
    return errorResponse(error);
  }
}

import { errorResponse } from "@/lib/errors";
import { UNSUBSCRIBE_TOKEN_PATTERN } from "@/lib/links/unsubscribe";
import { unsubscribeByToken } from "@/lib/patient/unsubscribe";

type Context = { params: Promise<{ token: string }> };
const noStore = { "Cache-Control": "no-store" };

/**
 * One-click unsubscribe (RFC 8058): the mail client POSTs here, from anywhere, with no
 * cookie; the token in the address is the whole capability. A person's own click on the
 * confirmation page posts the same form and is sent back to that page to see it done.
 */
export async function POST(request: Request, { params }: Context) {
  try {
    const { token } = await params;
    const outcome = await unsubscribeByToken(token);
    if (outcome === "unknown") return new Response("Not found", { status: 404, headers: noStore });
    if (request.headers.get("sec-fetch-mode") === "navigate") {
      return new Response(null, { status: 303, headers: { ...noStore, Location: `/unsubscribe/${token}?done=1` } });
    }
    return new Response("Reminders are off.", { status: 200, headers: { ...noStore, "Content-Type": "text/plain; charset=utf-8" } });
  } catch (error) {
    return errorResponse(error);
  }
}

/** A GET (a link scanner, an old mail client) changes nothing: it shows the page with the button. */
export async function GET(_request: Request, { params }: Context) {
  const { token } = await params;
  if (!UNSUBSCRIBE_TOKEN_PATTERN.test(token)) return new Response("Not found", { status: 404, headers: noStore });
  return new Response(null, { status: 303, headers: { ...noStore, Location: `/unsubscribe/${token}` } });
}

import "server-only";
import type { ResolvedLink } from "@/db/queries/links";
import { lookUpPatientLink } from "./access";
import { readCapped } from "./link-post";
import { sameOrigin } from "@/lib/request";

export const NO_STORE = { "Cache-Control": "no-store" };

/** A message of 1,000 characters, escaped, is far below this. */
const MAX_FORM = 32 * 1024;

/**
 * The patient's page sends no referrer, so its own form posts arrive with `Origin: null`;
 * the browser's Sec-Fetch-Site still says where the post came from.
 */
function fromOurPage(request: Request): boolean {
  if (request.headers.get("origin") === "null") return request.headers.get("sec-fetch-site") === "same-origin";
  return sameOrigin(request);
}

/**
 * The gate for a plain form posted from the patient's page: same origin (another site
 * cannot post it with the patient's browser), then a live link, which is the capability.
 * Either the link and the posted form, or the answer to give instead (403, 404, 413, or
 * 429 for an address that has missed too often).
 */
export async function gatePatientForm(
  request: Request,
  token: string,
): Promise<{ link: ResolvedLink; form: FormData | null } | { response: Response }> {
  if (!fromOurPage(request)) return { response: new Response("Forbidden", { status: 403, headers: NO_STORE }) };
  const { link, retryAfter } = await lookUpPatientLink(token);
  if (link) {
    const tooLarge = { response: new Response("Too large", { status: 413, headers: NO_STORE }) };
    if (Number(request.headers.get("content-length") ?? 0) > MAX_FORM) return tooLarge;
    // A chunked body has no Content-Length: read at most MAX_FORM bytes before parsing any of it.
    const bytes = await readCapped(request, MAX_FORM);
    if (bytes === null) return tooLarge;
    const body = new Response(new Uint8Array(bytes), { headers: { "content-type": request.headers.get("content-type") ?? "" } });
    // null for a body that is not a form: the caller answers as for a wrong value.
    return { link, form: await body.formData().catch(() => null) };
  }
  if (retryAfter > 0)
    return { response: new Response("Too many requests", { status: 429, headers: { ...NO_STORE, "Retry-After": String(retryAfter) } }) };
  return { response: new Response("Not found", { status: 404, headers: NO_STORE }) };
}

import "server-only";
import type { ResolvedLink } from "@/db/queries/links";
import { lookUpPatientLink } from "./access";
import { sameOrigin } from "@/lib/request";

export const NO_STORE = { "Cache-Control": "no-store" };

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
 * Either the link, or the answer to give instead (403, 404, or 429 for an address that
 * has missed too often).
 */
export async function gatePatientForm(request: Request, token: string): Promise<{ link: ResolvedLink } | { response: Response }> {
  if (!fromOurPage(request)) return { response: new Response("Forbidden", { status: 403, headers: NO_STORE }) };
  const { link, retryAfter } = await lookUpPatientLink(token);
  if (link) return { link };
  if (retryAfter > 0) return { response: new Response("Too many requests", { status: 429, headers: { ...NO_STORE, "Retry-After": String(retryAfter) } }) };
  return { response: new Response("Not found", { status: 404, headers: NO_STORE }) };
}

/**
 * next/navigation outside a request. redirect, notFound and unstable_rethrow are Next's
 * own (they only throw and recognise tagged errors); forbidden() is rebuilt because the
 * real one also insists on a build flag.
 */
export { permanentRedirect, redirect } from "next/dist/client/components/redirect";
export const RedirectType = { push: "push", replace: "replace" } as const;
export { notFound } from "next/dist/client/components/not-found";
export { unstable_rethrow } from "next/dist/client/components/unstable-rethrow";

function httpFallback(status: number): never {
  const digest = `NEXT_HTTP_ERROR_FALLBACK;${status}`;
  throw Object.assign(new Error(digest), { digest });
}

export function forbidden(): never {
  httpFallback(403);
}

export function unauthorized(): never {
  httpFallback(401);
}

export const usePathname = () => "/";
export const useRouter = () => ({ push() {}, replace() {}, refresh() {}, back() {}, forward() {}, prefetch() {} });
export const useSearchParams = () => new URLSearchParams();

/** What a thrown Next control-flow error means, for assertions: "redirect:/sign-in", "http:403" … */
export function describeNavigation(error: unknown): string | null {
  const digest = (error as { digest?: unknown })?.digest;
  if (typeof digest !== "string") return null;
  if (digest.startsWith("NEXT_REDIRECT")) return `redirect:${digest.split(";")[2]}`;
  if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK")) return `http:${digest.split(";")[1]}`;
  return null;
}

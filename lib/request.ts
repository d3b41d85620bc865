/**
 * The caller's address for throttling and audit. The first X-Forwarded-For hop is
 * trusted because Homeplan is meant to run behind a proxy that sets it; without one,
 * the per-account limit still applies.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || headers.get("x-real-ip") || "unknown";
  return ip.slice(0, 64);
}

/**
 * For POSTs made by our own pages: a browser always sends Origin on a cross-site POST,
 * so a foreign or "null" Origin is refused. No Origin at all (a non-browser client with
 * the link) is let through; the token is the capability.
 */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

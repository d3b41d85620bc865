/**
 * The caller's address for throttling and audit: the right-most X-Forwarded-For hop,
 * which the reverse proxy in front of Homeplan appended. Hops to its left come from the
 * client and could be anything, so they are ignored.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
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

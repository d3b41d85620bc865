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

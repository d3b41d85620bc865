import ipaddr from "ipaddr.js";
import proxyaddr from "proxy-addr";
import { env } from "@/lib/env";

/**
 * The socket peer's address, set on every incoming request by the server hook in
 * lib/peer-address.ts (which overwrites any copy a client sent). Next itself only fills
 * X-Forwarded-For from the socket when the client sent none, so that header cannot
 * tell a client's claim from the real peer.
 */
export const PEER_HEADER = "x-homeplan-peer";

export type Trust = (address: string, hop: number) => boolean;

/** TRUSTED_PROXIES entries (addresses, CIDRs, or proxy-addr's loopback/linklocal/uniquelocal); throws on a bad one. */
export function compileTrust(entries: string[]): Trust {
  return proxyaddr.compile(entries);
}

let configured: Trust | undefined;
const configuredTrust = (): Trust => (configured ??= compileTrust(env().TRUSTED_PROXIES));

/**
 * The caller's address for throttling and audit: the socket peer, and past it only the
 * X-Forwarded-For hops that trusted proxies appended. With no trusted proxies (the
 * default) X-Forwarded-For is ignored, so a client cannot pick its own address.
 */
export function clientIp(headers: Headers, trust: Trust = configuredTrust()): string {
  const peer = headers.get(PEER_HEADER);
  if (!peer || !ipaddr.isValid(peer)) return "unknown";
  const request = { socket: { remoteAddress: peer }, headers: { "x-forwarded-for": headers.get("x-forwarded-for") ?? undefined } };
  const address = proxyaddr(request as unknown as Parameters<typeof proxyaddr>[0], trust);
  // An IPv4 client on a dual-stack socket arrives as ::ffff:a.b.c.d: one client, one key.
  return ipaddr.isValid(address) ? ipaddr.process(address).toString() : "unknown";
}

/**
 * The unit a throttle counts by: an IPv4 address, or an IPv6 /64 (one subscriber is
 * handed a whole /64 and could otherwise rotate through it).
 */
export function addressBucket(address: string): string {
  if (!ipaddr.IPv6.isValid(address)) return address;
  const parts = ipaddr.IPv6.parse(address).parts.slice(0, 4);
  return `${parts.map((p) => p.toString(16)).join(":")}::/64`;
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

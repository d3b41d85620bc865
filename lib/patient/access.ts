import "server-only";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { resolveToken, type ResolvedLink } from "@/db/queries/links";
import { hit, retryAfterSeconds, type Limit } from "@/db/queries/rate-limits";
import { TOKEN_PATTERN } from "@/lib/links/token";
import { clientIp } from "@/lib/request";

/** Guessing links: 30 misses from one address in 15 minutes, then every lookup is a miss. */
export const LINK_MISS_LIMIT: Limit = { max: 30, windowSeconds: 15 * 60 };

/**
 * The gate for every patient page and route. Unknown, malformed, expired and revoked
 * tokens, and a throttled address, all come back as the same null, which callers turn
 * into the same 404. A hit writes nothing (a GET of a live link never writes); only a
 * well-formed miss is counted, to slow down guessing. Addresses come from the right-most
 * proxy hop, so a client cannot aim the block at someone else's address.
 */
export async function resolvePatientLink(token: string): Promise<ResolvedLink | null> {
  const db = await getDb();
  if (!TOKEN_PATTERN.test(token)) return null;
  const key = `link-miss:${clientIp(await headers())}`;
  // Both reads at once (one round trip of waiting, not two). A throttled address gets
  // nothing; the block falls on the guesser's own address (right-most proxy hop).
  const [wait, link] = await Promise.all([retryAfterSeconds(db, key, LINK_MISS_LIMIT), resolveToken(db, token)]);
  if (wait > 0) return null;
  if (link) return link;
  await hit(db, key, LINK_MISS_LIMIT);
  return null;
}

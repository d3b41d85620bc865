import "server-only";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { resolveToken, type ResolvedLink } from "@/db/queries/links";
import { getMediaInProgramme } from "@/db/queries/media";
import type { ExerciseMedia } from "@/db/schema";
import { hashToken } from "@/lib/crypto/token";
import { isUuid } from "@/lib/ids";
import { hit, retryAfterSeconds, type Limit } from "@/db/queries/rate-limits";
import { TOKEN_PATTERN } from "@/lib/links/token";
import { addressBucket, clientIp } from "@/lib/request";

/** Guessing links: after 30 misses from one address in 15 minutes, its misses are answered "slow down". */
const LINK_MISS_LIMIT: Limit = { max: 30, windowSeconds: 15 * 60 };

export type LinkLookup = { link: ResolvedLink; retryAfter: 0 } | { link: null; retryAfter: number };

/**
 * The gate for every patient page and route. A live token always opens, whatever its
 * address did before: the block falls only on misses, so nobody can lock a patient out
 * by guessing from (or claiming) the patient's address. Unknown, malformed, expired and
 * revoked tokens all look alike; a well-formed miss is counted against the real client
 * address (lib/request.ts), and past the limit `retryAfter` says how long to wait.
 * A hit writes nothing (a GET of a live link never writes).
 */
export async function lookUpPatientLink(token: string): Promise<LinkLookup> {
  if (!TOKEN_PATTERN.test(token)) return { link: null, retryAfter: 0 };
  const db = await getDb();
  const key = `link-miss:${addressBucket(clientIp(await headers()))}`;
  // Both reads at once (one round trip of waiting, not two).
  const [wait, link] = await Promise.all([retryAfterSeconds(db, key, LINK_MISS_LIMIT), resolveToken(db, hashToken(token))]);
  if (link) return { link, retryAfter: 0 };
  // Once blocked, further misses cost no writes until the window ends.
  if (wait > 0) return { link: null, retryAfter: wait };
  await hit(db, key, LINK_MISS_LIMIT);
  return { link: null, retryAfter: 0 };
}

/** The live link, or null for every kind of miss (callers answer the same 404). */
export async function resolvePatientLink(token: string): Promise<ResolvedLink | null> {
  return (await lookUpPatientLink(token)).link;
}

/**
 * A media item through a patient link: only while the link is live, and only an item of
 * an exercise in that link's programme as it stands now. Every miss is the same null.
 */
export async function resolvePatientMedia(token: string, mediaId: string): Promise<ExerciseMedia | null> {
  const link = await resolvePatientLink(token);
  if (!link || !isUuid(mediaId)) return null;
  return (await getMediaInProgramme(await getDb(), { clinicId: link.clinicId, programmeId: link.programmeId, id: mediaId })) ?? null;
}

import "server-only";
import type { DatabaseOrTransaction } from "@/db/client";
import { resolveShortCode } from "@/db/queries/links";
import { hit, retryAfterSeconds, type Limit } from "@/db/queries/rate-limits";
import { shortCodeHash, shortCodeKey } from "./short-code";
import { decryptToken } from "./token";

/** Three wrong years lock a code: 3 guesses in 2^40 codes × ~100 years is no attack. */
const SHORT_CODE_MISS_LIMIT: Limit = { max: 3, windowSeconds: 15 * 60 };
/** And one address gets 20 misses over all codes, so a guesser cannot spread out. */
const SHORT_CODE_ADDRESS_LIMIT: Limit = { max: 20, windowSeconds: 15 * 60 };

export type ShortCodeOutcome = { status: "open"; token: string } | { status: "wrong" } | { status: "locked"; retryAfterSeconds: number };

/**
 * Opens a short code with a year of birth. An unknown, stopped or expired code, a patient
 * with no date of birth and a wrong year are one and the same "wrong", counted against
 * the code and the address alike, so the answers never tell a live code from a guess.
 */
export async function openShortCode(
  db: DatabaseOrTransaction,
  input: { code: string; year: number; ip: string; linkKey: Buffer },
): Promise<ShortCodeOutcome> {
  const hash = shortCodeHash(input.code, shortCodeKey(input.linkKey));
  // Named by the stored hash, never by the code itself.
  const codeKey = `short-code-miss:${hash.toString("base64url")}`;
  const addressKey = `short-code-miss-ip:${input.ip}`;
  const waits = await Promise.all([
    retryAfterSeconds(db, codeKey, SHORT_CODE_MISS_LIMIT),
    retryAfterSeconds(db, addressKey, SHORT_CODE_ADDRESS_LIMIT),
  ]);
  if (Math.max(...waits) > 0) return { status: "locked", retryAfterSeconds: Math.max(...waits) };

  const link = await resolveShortCode(db, hash);
  const token =
    link?.dateOfBirth && Number(link.dateOfBirth.slice(0, 4)) === input.year ? decryptToken(link.tokenCiphertext, input.linkKey) : null;
  if (token) return { status: "open", token };

  const [codeMisses, addressMisses] = await Promise.all([
    hit(db, codeKey, SHORT_CODE_MISS_LIMIT),
    hit(db, addressKey, SHORT_CODE_ADDRESS_LIMIT),
  ]);
  if (codeMisses >= SHORT_CODE_MISS_LIMIT.max || addressMisses >= SHORT_CODE_ADDRESS_LIMIT.max) {
    return { status: "locked", retryAfterSeconds: SHORT_CODE_MISS_LIMIT.windowSeconds };
  }
  return { status: "wrong" };
}

import "server-only";
import type { Transaction } from "@/db/client";
import { insertLink } from "@/db/queries/links";
import { hashToken, newToken } from "@/lib/crypto/token";
import { LINK_DAYS } from "@/lib/domain/patient-link";
import { shortCode, shortCodeHash, shortCodeKey } from "./short-code";
import { encryptToken } from "./token";

/**
 * Issues a link to a patient's programme: a new token, stored as its hash, a sealed copy
 * and its short code's hash, never in the clear. Any link it replaces is revoked in the
 * same transaction. The token is returned for the caller to show or send.
 */
export async function issueLink(
  tx: Transaction,
  actor: { clinicId: string; clinicianId: string; ip?: string },
  input: { programmeId: string; key: Buffer; days?: number },
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + (input.days ?? LINK_DAYS) * 86_400_000);
  const codeKey = shortCodeKey(input.key);
  const { id } = await insertLink(tx, actor, {
    programmeId: input.programmeId,
    tokenHash: hashToken(token),
    tokenCiphertext: encryptToken(token, input.key),
    shortCodeHash: shortCodeHash(shortCode(token, codeKey), codeKey),
    expiresAt,
  });
  return { id, token, expiresAt };
}

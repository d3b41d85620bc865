import "server-only";
import type { DatabaseOrTransaction } from "@/db/client";
import { getNewestLink } from "@/db/queries/links";
import { shortCode, shortCodeKey } from "./short-code";
import { decryptToken } from "./token";

/** The programme's newest link and its state, with the token opened for the clinician while the link is live. */
export async function getCurrentLink(
  db: DatabaseOrTransaction,
  { clinicId, programmeId, key }: { clinicId: string; programmeId: string; key: Buffer },
) {
  const row = await getNewestLink(db, { clinicId, programmeId });
  if (!row) return null;
  const status = row.revokedAt ? "revoked" : row.expiresAt <= new Date() ? "expired" : "active";
  const token = status === "active" ? decryptToken(row.tokenCiphertext, key) : null;
  return {
    id: row.id,
    status,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
    token,
    /** The code the handout prints: only for a live link that has one, for a patient with a year of birth to ask for. */
    shortCode: token && row.hasShortCode && row.patientHasBirthDate ? shortCode(token, shortCodeKey(key)) : null,
  } as const;
}

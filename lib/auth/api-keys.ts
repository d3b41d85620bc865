import "server-only";
import type { Database } from "@/db/client";
import { insertApiKey } from "@/db/queries/api-keys";
import { hashToken, newToken } from "@/lib/crypto/token";

/** "hpk_" marks the string as a Homeplan key for secret scanners; 256 random bits follow. */
export const API_KEY_PATTERN = /^hpk_[A-Za-z0-9_-]{43}$/;

/** Creates a clinic's key for the FHIR API and returns it once; only its hash and first characters are stored. */
export async function createApiKey(
  db: Database,
  actor: { clinicId: string; clinicianId: string; ip: string },
  name: string,
): Promise<{ id: string; key: string }> {
  const key = `hpk_${newToken()}`;
  const { id } = await insertApiKey(db, actor, { name, prefix: key.slice(0, 12), keyHash: hashToken(key) });
  return { id, key };
}

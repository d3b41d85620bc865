import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Database, DatabaseOrTransaction } from "@/db/client";
import { apiKeys, clinicians } from "@/db/schema";
import { hashToken, newToken } from "@/lib/links/token";
import { recordAudit } from "./audit";

type Actor = { clinicId: string; clinicianId: string; ip: string };

/** "hpk_" marks the string as a Homeplan key for secret scanners; 256 random bits follow. */
export const API_KEY_PATTERN = /^hpk_[A-Za-z0-9_-]{43}$/;

/** Creates a key and returns it once; only its hash is stored. */
export async function createApiKey(db: Database, actor: Actor, name: string): Promise<{ id: string; key: string }> {
  const key = `hpk_${newToken()}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({ clinicId: actor.clinicId, name, prefix: key.slice(0, 12), keyHash: hashToken(key), createdBy: actor.clinicianId })
      .returning({ id: apiKeys.id });
    await recordAudit(tx, {
      clinicId: actor.clinicId,
      actorId: actor.clinicianId,
      action: "api_key.created",
      objectType: "api_key",
      objectId: row!.id,
      ip: actor.ip,
    });
    return { id: row!.id, key };
  });
}

/** Revokes a live key of the actor's clinic; false when there is none (already revoked, or another clinic's). */
export async function revokeApiKey(db: Database, actor: Actor, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.clinicId, actor.clinicId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id });
    if (revoked.length === 0) return false;
    await recordAudit(tx, {
      clinicId: actor.clinicId,
      actorId: actor.clinicianId,
      action: "api_key.revoked",
      objectType: "api_key",
      objectId: id,
      ip: actor.ip,
    });
    return true;
  });
}

export async function listApiKeys(db: DatabaseOrTransaction, { clinicId }: { clinicId: string }) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      revokedAt: apiKeys.revokedAt,
      createdByName: clinicians.name,
    })
    .from(apiKeys)
    .leftJoin(clinicians, and(eq(clinicians.clinicId, apiKeys.clinicId), eq(clinicians.id, apiKeys.createdBy)))
    .where(eq(apiKeys.clinicId, clinicId))
    .orderBy(desc(apiKeys.createdAt));
}

/** The key a presented string is, by its hash; revoked keys are returned too, so their use can be audited. */
export async function findApiKey(db: DatabaseOrTransaction, key: string) {
  const [row] = await db
    .select({ id: apiKeys.id, clinicId: apiKeys.clinicId, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .where(eq(apiKeys.keyHash, hashToken(key)));
  return row;
}

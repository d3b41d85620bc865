import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Database, DatabaseOrTransaction } from "@/db/client";
import { apiKeys, clinicians } from "@/db/schema";
import { recordAudit } from "./audit";

type Actor = { clinicId: string; clinicianId: string; ip: string };

/** Stores a new key as its hash and first characters (lib/auth/api-keys.ts makes the key). */
export async function insertApiKey(
  db: Database,
  actor: Actor,
  input: { name: string; prefix: string; keyHash: Buffer },
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({ clinicId: actor.clinicId, name: input.name, prefix: input.prefix, keyHash: input.keyHash, createdBy: actor.clinicianId })
      .returning({ id: apiKeys.id });
    await recordAudit(tx, {
      clinicId: actor.clinicId,
      actorId: actor.clinicianId,
      action: "api_key.created",
      objectType: "api_key",
      objectId: row!.id,
      ip: actor.ip,
    });
    return { id: row!.id };
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

/** The key with this hash; revoked keys are returned too, so their use can be audited. */
export async function findApiKey(db: DatabaseOrTransaction, keyHash: Buffer) {
  const [row] = await db
    .select({ id: apiKeys.id, clinicId: apiKeys.clinicId, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .where(eq(apiKeys.keyHash, keyHash));
  return row;
}

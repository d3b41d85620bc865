import "server-only";
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import type { DatabaseOrTransaction } from "@/db/client";
import { clinicians, clinics, invitations } from "@/db/schema";
import type { Role } from "@/lib/domain/clinic";

const usable = () => and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, sql`now()`));

export async function insertInvitation(
  db: DatabaseOrTransaction,
  input: {
    clinicId: string;
    email: string;
    name: string;
    role: Role;
    tokenHash: Buffer;
    invitedBy: string;
    expiresAt: Date;
  },
): Promise<{ id: string }> {
  const [row] = await db.insert(invitations).values(input).returning({ id: invitations.id });
  if (!row) throw new Error("invitation insert returned nothing");
  return row;
}

/** Re-inviting an address replaces its pending invitation: only the newest link works. */
export async function revokePendingInvitationsFor(db: DatabaseOrTransaction, { clinicId, email }: { clinicId: string; email: string }) {
  return db
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(invitations.clinicId, clinicId), eq(sql`lower(${invitations.email})`, email.toLowerCase()), usable()))
    .returning({ id: invitations.id });
}

export async function revokeInvitation(db: DatabaseOrTransaction, key: { clinicId: string; id: string }): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(invitations.clinicId, key.clinicId), eq(invitations.id, key.id), usable()))
    .returning({ id: invitations.id });
  return rows.length > 0;
}

export async function listPendingInvitations(db: DatabaseOrTransaction, { clinicId }: { clinicId: string }) {
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      name: invitations.name,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
      invitedByName: clinicians.name,
    })
    .from(invitations)
    .leftJoin(clinicians, and(eq(clinicians.clinicId, invitations.clinicId), eq(clinicians.id, invitations.invitedBy)))
    .where(and(eq(invitations.clinicId, clinicId), usable()))
    .orderBy(asc(invitations.createdAt));
}

/**
 * The token is the capability, so this is the one lookup that starts without a clinic:
 * the clinic comes from the invitation the hash finds. Spent, revoked and expired
 * invitations are not returned, so every unusable link looks the same.
 */
export async function findUsableInvitation(db: DatabaseOrTransaction, tokenHash: Buffer) {
  const [row] = await db
    .select({
      clinicId: invitations.clinicId,
      id: invitations.id,
      email: invitations.email,
      name: invitations.name,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      clinicName: clinics.name,
    })
    .from(invitations)
    .innerJoin(clinics, eq(clinics.id, invitations.clinicId))
    .where(and(eq(invitations.tokenHash, tokenHash), usable()));
  return row;
}

/**
 * Spends the invitation. The conditions are in the update itself, so of two acceptances
 * racing for one link exactly one gets a row back.
 */
export async function consumeInvitation(db: DatabaseOrTransaction, tokenHash: Buffer) {
  const [row] = await db
    .update(invitations)
    .set({ acceptedAt: sql`now()` })
    .where(and(eq(invitations.tokenHash, tokenHash), usable()))
    .returning({ clinicId: invitations.clinicId, id: invitations.id, email: invitations.email, role: invitations.role });
  return row;
}

/**
 * Invitations this clinic created in the last `hours`, counted under a lock on the clinic's
 * row: two owners inviting at the same moment are counted one after the other, so the
 * quota cannot be overrun by sending in parallel. Call inside the inserting transaction.
 */
export async function countRecentInvitations(
  db: DatabaseOrTransaction,
  { clinicId, hours }: { clinicId: string; hours: number },
): Promise<number> {
  await db.select({ id: clinics.id }).from(clinics).where(eq(clinics.id, clinicId)).for("update");
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(invitations)
    .where(and(eq(invitations.clinicId, clinicId), gt(invitations.createdAt, sql`now() - make_interval(hours => ${hours})`)));
  return Number(row?.n ?? 0);
}

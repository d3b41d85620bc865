import "server-only";
import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { DatabaseOrTransaction } from "@/db/client";
import { clinicians } from "@/db/schema";
import type { Role } from "@/lib/domain/clinic";

/** The only query that returns a password hash; it never leaves lib/auth. */
export async function findClinicianForSignIn(db: DatabaseOrTransaction, email: string) {
  const [row] = await db
    .select({
      id: clinicians.id,
      clinicId: clinicians.clinicId,
      name: clinicians.name,
      email: clinicians.email,
      role: clinicians.role,
      passwordHash: clinicians.passwordHash,
      sessionVersion: clinicians.sessionVersion,
      disabledAt: clinicians.disabledAt,
    })
    .from(clinicians)
    .where(eq(sql`lower(${clinicians.email})`, email.toLowerCase()));
  return row;
}

export async function getSessionClinician(db: DatabaseOrTransaction, key: { id: string; clinicId: string }) {
  const [row] = await db
    .select({
      id: clinicians.id,
      clinicId: clinicians.clinicId,
      name: clinicians.name,
      email: clinicians.email,
      role: clinicians.role,
      sessionVersion: clinicians.sessionVersion,
      disabledAt: clinicians.disabledAt,
    })
    .from(clinicians)
    .where(and(eq(clinicians.id, key.id), eq(clinicians.clinicId, key.clinicId)));
  return row;
}

export async function listClinicians(db: DatabaseOrTransaction, { clinicId }: { clinicId: string }) {
  return db
    .select({
      id: clinicians.id,
      name: clinicians.name,
      email: clinicians.email,
      role: clinicians.role,
      disabledAt: clinicians.disabledAt,
      createdAt: clinicians.createdAt,
    })
    .from(clinicians)
    .where(eq(clinicians.clinicId, clinicId))
    .orderBy(asc(clinicians.name));
}

export async function getClinicianName(db: DatabaseOrTransaction, key: { id: string; clinicId: string }) {
  const [row] = await db
    .select({ name: clinicians.name })
    .from(clinicians)
    .where(and(eq(clinicians.id, key.id), eq(clinicians.clinicId, key.clinicId)));
  return row?.name;
}

export async function insertClinician(
  db: DatabaseOrTransaction,
  input: { clinicId: string; email: string; name: string; passwordHash: string; role: Role },
): Promise<{ id: string }> {
  const [row] = await db.insert(clinicians).values(input).returning({ id: clinicians.id });
  if (!row) throw new Error("clinician insert returned nothing");
  return row;
}

/**
 * Disabling also moves the session version on, so a session open elsewhere ends on its
 * next request. Returns the clinician's name when the state changed, nothing when it
 * already was that way or the clinician is not in this clinic.
 */
export async function setClinicianDisabled(db: DatabaseOrTransaction, key: { clinicId: string; id: string }, disabled: boolean) {
  const [row] = await db
    .update(clinicians)
    .set(
      disabled
        ? { disabledAt: sql`now()`, sessionVersion: sql`${clinicians.sessionVersion} + 1`, updatedAt: sql`now()` }
        : { disabledAt: null, updatedAt: sql`now()` },
    )
    .where(
      and(
        eq(clinicians.clinicId, key.clinicId),
        eq(clinicians.id, key.id),
        disabled ? isNull(clinicians.disabledAt) : isNotNull(clinicians.disabledAt),
      ),
    )
    .returning({ name: clinicians.name });
  return row;
}

/** For checking the current password before a change; like sign-in's lookup, it never leaves lib/auth. */
export async function findPasswordHash(db: DatabaseOrTransaction, key: { clinicId: string; id: string }): Promise<string | undefined> {
  const [row] = await db
    .select({ passwordHash: clinicians.passwordHash })
    .from(clinicians)
    .where(and(eq(clinicians.clinicId, key.clinicId), eq(clinicians.id, key.id), isNull(clinicians.disabledAt)));
  return row?.passwordHash;
}

/** A new password ends every other session: the version moves on. Returns the new version. */
export async function updatePassword(db: DatabaseOrTransaction, key: { clinicId: string; id: string }, passwordHash: string) {
  const [row] = await db
    .update(clinicians)
    .set({ passwordHash, sessionVersion: sql`${clinicians.sessionVersion} + 1`, updatedAt: sql`now()` })
    .where(and(eq(clinicians.clinicId, key.clinicId), eq(clinicians.id, key.id)))
    .returning({ sessionVersion: clinicians.sessionVersion });
  return row?.sessionVersion;
}

export async function updateClinicianName(db: DatabaseOrTransaction, key: { clinicId: string; id: string }, name: string) {
  const rows = await db
    .update(clinicians)
    .set({ name, updatedAt: sql`now()` })
    .where(and(eq(clinicians.clinicId, key.clinicId), eq(clinicians.id, key.id)))
    .returning({ id: clinicians.id });
  return rows.length > 0;
}

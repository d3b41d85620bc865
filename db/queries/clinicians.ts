import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { DatabaseOrTransaction } from "@/db/client";
import { clinicians } from "@/db/schema";

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

export async function emailInUse(db: DatabaseOrTransaction, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: clinicians.id })
    .from(clinicians)
    .where(eq(sql`lower(${clinicians.email})`, email.toLowerCase()));
  return Boolean(row);
}

export async function getClinicianName(db: DatabaseOrTransaction, key: { id: string; clinicId: string }) {
  const [row] = await db
    .select({ name: clinicians.name })
    .from(clinicians)
    .where(and(eq(clinicians.id, key.id), eq(clinicians.clinicId, key.clinicId)));
  return row?.name;
}

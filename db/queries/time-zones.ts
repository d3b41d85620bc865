import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DatabaseOrTransaction } from "@/db/client";
import { clinics, patients } from "@/db/schema";
import { recordAudit } from "./audit";

/** The patient's own zone and their clinic's, either possibly unset. */
export async function getZones(db: DatabaseOrTransaction, key: { clinicId: string; patientId: string }) {
  const [row] = await db
    .select({ patientZone: patients.timeZone, clinicZone: clinics.timeZone })
    .from(patients)
    .innerJoin(clinics, eq(clinics.id, patients.clinicId))
    .where(and(eq(patients.clinicId, key.clinicId), eq(patients.id, key.patientId)));
  return row ?? { patientZone: null, clinicZone: null };
}

export async function getClinicZone(db: DatabaseOrTransaction, { clinicId }: { clinicId: string }): Promise<string | null> {
  const [row] = await db.select({ zone: clinics.timeZone }).from(clinics).where(eq(clinics.id, clinicId));
  return row?.zone ?? null;
}

/** The clinic's zone from settings (validated by the caller), audited with the change. */
export async function setClinicZone(
  db: DatabaseOrTransaction,
  actor: { clinicId: string; clinicianId: string; ip?: string },
  zone: string,
) {
  await db
    .update(clinics)
    .set({ timeZone: zone, updatedAt: sql`now()` })
    .where(eq(clinics.id, actor.clinicId));
  await recordAudit(db, {
    clinicId: actor.clinicId,
    actorId: actor.clinicianId,
    action: "clinic.time_zone_set",
    objectType: "clinic",
    objectId: actor.clinicId,
    ip: actor.ip,
    detail: { zone },
  });
}

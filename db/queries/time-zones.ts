import "server-only";
import { and, eq } from "drizzle-orm";
import type { DatabaseOrTransaction } from "@/db/client";
import { clinics, patients } from "@/db/schema";

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

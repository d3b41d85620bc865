import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database, DatabaseOrTransaction } from "@/db/client";
import { patientLinks, patients } from "@/db/schema";
import type { PatientInput } from "@/lib/validations/patient";
import { recordAudit } from "./audit";

/** A patient as the clinician's pages and the record export read them. */
export const patientColumns = {
  id: patients.id,
  name: patients.name,
  email: patients.email,
  dateOfBirth: patients.dateOfBirth,
  timeZone: patients.timeZone,
  notes: patients.notes,
  archivedAt: patients.archivedAt,
  createdAt: patients.createdAt,
};

export type PatientRow = Awaited<ReturnType<typeof getPatient>>;

export async function getPatient(db: DatabaseOrTransaction, { id, clinicId }: { id: string; clinicId: string }) {
  const [row] = await db
    .select(patientColumns)
    .from(patients)
    .where(and(eq(patients.id, id), eq(patients.clinicId, clinicId)));
  return row;
}

export async function createPatient(
  db: Database,
  { clinicId, clinicianId }: { clinicId: string; clinicianId: string },
  input: PatientInput,
) {
  // The patient and the audit row stand or fall together.
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(patients)
      .values({ ...input, clinicId, createdBy: clinicianId })
      .returning({ id: patients.id });
    if (!row) throw new Error("patient insert returned nothing");
    await recordAudit(tx, { clinicId, actorId: clinicianId, action: "patient.created", objectType: "patient", objectId: row.id });
    return row.id;
  });
}

export async function updatePatient(
  db: Database,
  { id, clinicId, clinicianId }: { id: string; clinicId: string; clinicianId: string },
  input: PatientInput,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(patients)
      .set({ ...input, updatedAt: sql`now()` })
      .where(and(eq(patients.id, id), eq(patients.clinicId, clinicId)))
      .returning({ id: patients.id });
    if (rows.length === 0) return false;
    await recordAudit(tx, { clinicId, actorId: clinicianId, action: "patient.updated", objectType: "patient", objectId: id });
    return true;
  });
}

export async function setPatientArchived(
  db: Database,
  { id, clinicId, clinicianId }: { id: string; clinicId: string; clinicianId: string },
  archived: boolean,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(patients)
      .set({ archivedAt: archived ? sql`now()` : null, updatedAt: sql`now()` })
      .where(and(eq(patients.id, id), eq(patients.clinicId, clinicId)))
      .returning({ id: patients.id });
    if (rows.length === 0) return false;
    await recordAudit(tx, {
      clinicId,
      actorId: clinicianId,
      action: archived ? "patient.archived" : "patient.restored",
      objectType: "patient",
      objectId: id,
    });
    // An archived patient's links stop with the archive; restoring does not bring them back.
    if (archived) {
      const revoked = await tx
        .update(patientLinks)
        .set({ revokedAt: sql`now()` })
        .where(and(eq(patientLinks.clinicId, clinicId), eq(patientLinks.patientId, id), isNull(patientLinks.revokedAt)))
        .returning({ id: patientLinks.id });
      for (const link of revoked) {
        await recordAudit(tx, {
          clinicId,
          actorId: clinicianId,
          action: "link.revoked",
          objectType: "patient_link",
          objectId: link.id,
          detail: { reason: "patient_archived" },
        });
      }
    }
    return true;
  });
}

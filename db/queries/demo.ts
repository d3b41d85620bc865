import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Transaction } from "../client";
import {
  clinicians,
  clinics,
  exercises,
  patientLinks,
  patients,
  programmes,
  programmeVersions,
  sessionLogs,
  type DosageDefaults,
} from "../schema";

/*
 * The table writes behind the demo clinic (lib/demo). Dates are set back from today so a
 * first look shows weeks of history; every write names the clinic it belongs to.
 */

/**
 * Takes the lock that serialises concurrent first starts (two instances, or dev and a
 * script) and says whether the database has no clinic at all.
 */
export async function lockEmptyDatabase(tx: Transaction): Promise<boolean> {
  await tx.execute(sql`select pg_advisory_xact_lock(7312001)`);
  const existing = await tx.select({ id: clinics.id }).from(clinics).limit(1);
  return existing.length === 0;
}

type NewClinic = typeof clinics.$inferInsert;
type NewClinician = Omit<typeof clinicians.$inferInsert, "clinicId">;
type NewPatient = Omit<typeof patients.$inferInsert, "clinicId">;

/** A clinic and its team, in the order given. */
export async function insertClinicWithTeam(
  tx: Transaction,
  clinic: NewClinic,
  team: NewClinician[],
): Promise<{ clinicId: string; clinicianIds: string[] }> {
  const [row] = await tx.insert(clinics).values(clinic).returning({ id: clinics.id });
  if (!row) throw new Error("demo clinic was not created");
  const members = await tx
    .insert(clinicians)
    .values(team.map((c) => ({ ...c, clinicId: row.id })))
    .returning({ id: clinicians.id });
  return { clinicId: row.id, clinicianIds: members.map((m) => m.id) };
}

/** Patients of one clinic, their ids in the order given. */
export async function insertPatients(tx: Transaction, clinicId: string, rows: NewPatient[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await tx
    .insert(patients)
    .values(rows.map((p) => ({ ...p, clinicId })))
    .returning({ id: patients.id });
  return inserted.map((p) => p.id);
}

/** The shared catalogue's live exercises with these slugs (clinic-owned exercises are not shared). */
export async function sharedExercisesBySlug(
  tx: Transaction,
  slugs: string[],
): Promise<{ id: string; slug: string; dosage: DosageDefaults }[]> {
  return tx
    .select({ id: exercises.id, slug: exercises.slug, dosage: exercises.defaultDosage })
    .from(exercises)
    .where(and(isNull(exercises.clinicId), inArray(exercises.slug, slugs), isNull(exercises.retiredAt)));
}

/** Makes the last of `savedAt` the programme's current version and dates each version (1, 2, …) back. */
export async function backdateVersions(tx: Transaction, input: { clinicId: string; programmeId: string; savedAt: Date[] }): Promise<void> {
  await tx
    .update(programmes)
    .set({ currentVersion: input.savedAt.length })
    .where(and(eq(programmes.clinicId, input.clinicId), eq(programmes.id, input.programmeId)));
  for (const [v, createdAt] of input.savedAt.entries()) {
    await tx
      .update(programmeVersions)
      .set({ createdAt })
      .where(
        and(
          eq(programmeVersions.clinicId, input.clinicId),
          eq(programmeVersions.programmeId, input.programmeId),
          eq(programmeVersions.version, v + 1),
        ),
      );
  }
}

/** Dates a link back to the appointment it was given at. */
export async function backdateLink(tx: Transaction, input: { clinicId: string; linkId: string; givenAt: Date }): Promise<void> {
  await tx
    .update(patientLinks)
    .set({ createdAt: input.givenAt })
    .where(and(eq(patientLinks.clinicId, input.clinicId), eq(patientLinks.id, input.linkId)));
}

/** Past sessions, written as they would have been logged. */
export async function insertSessionHistory(tx: Transaction, rows: (typeof sessionLogs.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await tx.insert(sessionLogs).values(rows);
}

import "server-only";
import type { DatabaseOrTransaction } from "@/db/client";
import { getClinicianName } from "@/db/queries/clinicians";
import { getClinic } from "@/db/queries/clinics";
import { getPatient } from "@/db/queries/patients";
import { dosageOf, getProgrammeVersion, toDiffVersion, type LoadedProgramme } from "@/db/queries/programmes";
import { diffVersions } from "@/lib/programme/diff";
import type { ProgrammeView } from "@/lib/programme/view";

/**
 * Everything the patient page, player and handout show, for one programme's current
 * version. Only what a patient may see: no notes, no date of birth, no ids but the
 * programme's.
 */
export async function loadProgrammeView(
  db: DatabaseOrTransaction,
  key: { clinicId: string; programmeId: string; version?: number },
): Promise<ProgrammeView | null> {
  const programme = await getProgrammeVersion(db, { id: key.programmeId, clinicId: key.clinicId, version: key.version });
  if (!programme?.header.patientId) return null;
  const current = programme.version.version;
  const [patient, clinic, clinicianName, previous] = await Promise.all([
    getPatient(db, { id: programme.header.patientId, clinicId: key.clinicId }),
    getClinic(db, { clinicId: key.clinicId }),
    programme.version.createdBy ? getClinicianName(db, { id: programme.version.createdBy, clinicId: key.clinicId }) : undefined,
    current > 1 ? getProgrammeVersion(db, { id: key.programmeId, clinicId: key.clinicId, version: current - 1 }) : undefined,
  ]);
  if (!patient || !clinic) return null;
  return toProgrammeView(programme, {
    patientName: patient.name,
    clinicianName: clinicianName ?? "Your physiotherapist",
    clinic,
    previous,
  });
}

export function toProgrammeView(
  p: LoadedProgramme,
  context: { patientName: string; clinicianName: string; clinic: ProgrammeView["clinic"]; previous?: LoadedProgramme },
): ProgrammeView {
  return {
    programmeId: p.header.id,
    version: p.version.version,
    title: p.version.title,
    patientNote: p.version.patientNote,
    changeNote: p.version.changeNote,
    startDate: p.version.startDate,
    reviewDate: p.version.reviewDate,
    updatedAt: p.version.createdAt.toISOString(),
    patient: { firstName: context.patientName.split(/\s+/)[0] ?? context.patientName, name: context.patientName },
    clinician: { name: context.clinicianName },
    clinic: { name: context.clinic.name, address: context.clinic.address, phone: context.clinic.phone, paperSize: context.clinic.paperSize },
    items: p.items.map((i, position) => ({
      position,
      exerciseId: i.exerciseId,
      slug: i.slug,
      poseSlug: i.poseSlug,
      name: i.name,
      purpose: i.purpose,
      bodyPosition: i.bodyPosition,
      equipment: i.equipment,
      steps: i.steps,
      cues: i.cues,
      cautions: i.cautions,
      dosage: dosageOf(i),
    })),
    changes: context.previous ? diffVersions(toDiffVersion(context.previous), toDiffVersion(p)) : null,
  };
}

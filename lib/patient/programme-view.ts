import "server-only";
import type { DatabaseOrTransaction } from "@/db/client";
import { getClinicianName } from "@/db/queries/clinicians";
import { getClinic } from "@/db/queries/clinics";
import { mediaForExercises, type MediaSummary } from "@/db/queries/media";
import { getPatient } from "@/db/queries/patients";
import { dosageOf, getProgrammeVersion, toDiffVersion, type LoadedProgramme } from "@/db/queries/programmes";
import { diffVersions } from "@/lib/programme/diff";
import type { ExerciseMediaView, ProgrammeView } from "@/lib/programme/view";

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
  const [patient, clinic, clinicianName, previous, media] = await Promise.all([
    getPatient(db, { id: programme.header.patientId, clinicId: key.clinicId }),
    getClinic(db, { clinicId: key.clinicId }),
    programme.version.createdBy ? getClinicianName(db, { id: programme.version.createdBy, clinicId: key.clinicId }) : undefined,
    current > 1 ? getProgrammeVersion(db, { id: key.programmeId, clinicId: key.clinicId, version: current - 1 }) : undefined,
    mediaForExercises(db, { clinicId: key.clinicId, exerciseIds: programme.items.map((i) => i.exerciseId) }),
  ]);
  if (!patient || !clinic) return null;
  return toProgrammeView(programme, {
    patientName: patient.name,
    clinicianName: clinicianName ?? "Your physiotherapist",
    clinic,
    previous,
    media,
  });
}

/** The first photos and the one video, as the pages show them; nothing when the clinic has none. */
function mediaView(items: MediaSummary[] | undefined): ExerciseMediaView | undefined {
  if (!items?.length) return undefined;
  const photos = items
    .filter((m) => m.kind === "photo")
    .map((m) => ({ id: m.id, altText: m.altText, width: m.width ?? 0, height: m.height ?? 0, sha256: m.sha256 }));
  const video = items.find((m) => m.kind === "video");
  return {
    photos,
    video: video
      ? { id: video.id, altText: video.altText, durationMs: video.durationMs ?? 0, contentType: video.contentType, sha256: video.sha256 }
      : null,
  };
}

function toProgrammeView(
  p: LoadedProgramme,
  context: {
    patientName: string;
    clinicianName: string;
    clinic: ProgrammeView["clinic"];
    previous?: LoadedProgramme;
    media?: Map<string, MediaSummary[]>;
  },
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
    clinic: {
      name: context.clinic.name,
      address: context.clinic.address,
      phone: context.clinic.phone,
      paperSize: context.clinic.paperSize,
    },
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
      ...(context.media?.has(i.exerciseId) ? { media: mediaView(context.media.get(i.exerciseId)) } : {}),
    })),
    changes: context.previous ? diffVersions(toDiffVersion(context.previous), toDiffVersion(p)) : null,
  };
}

import type { DosageDefaults, LoggedExercise } from "@/db/schema";
import type { Difficulty } from "@/lib/domain/exercise";
import type { Dosage } from "@/lib/programme/view";

/*
 * The Homeplan records the mapping reads: plain data, so lib/fhir needs no database and
 * a test can build them by hand. db/queries/fhir.ts loads them.
 */

export type ClinicRecord = { id: string; name: string; address: string; phone: string };
export type ClinicianRecord = { id: string; name: string; email: string; disabledAt: Date | null };
export type PatientRecord = {
  id: string;
  clinicId: string;
  name: string;
  email: string;
  dateOfBirth: string | null;
  archivedAt: Date | null;
};
export type ExerciseRecord = {
  id: string;
  slug: string;
  name: string;
  purpose: string;
  steps: string[];
  cautions: string[];
  defaultDosage: DosageDefaults;
  retiredAt: Date | null;
};
export type ItemRecord = Dosage & { position: number; exerciseId: string; name: string };
/** `state`: the programme's newest version (active, or completed once archived) or one a later version replaced. */
export type VersionRecord = {
  programmeId: string;
  patientId: string;
  version: number;
  state: "current" | "superseded" | "archived";
  title: string;
  patientNote: string;
  changeNote: string;
  startDate: string | null;
  reviewDate: string | null;
  createdAt: Date;
  createdBy: string | null;
  items: ItemRecord[];
};
export type LogRecord = {
  id: string;
  patientId: string;
  programmeId: string;
  version: number;
  startedAt: Date | null;
  completedAt: Date;
  pain: number | null;
  difficulty: Difficulty | null;
  comment: string;
  exercises: LoggedExercise[];
};
export type MessageRecord = {
  id: string;
  programmeId: string;
  patientId: string;
  author: "clinician" | "patient";
  clinicianId: string | null;
  sessionLogId: string | null;
  body: string;
  createdAt: Date;
};

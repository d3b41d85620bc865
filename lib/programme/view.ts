import type { DosageDefaults } from "@/db/schema";
import type { Position } from "@/lib/domain/exercise";
import type { PaperSize } from "@/lib/domain/clinic";

/**
 * What the patient page, the session player and the PDF handout all render: one
 * programme version, flattened, with nothing secret in it (safe to send to a browser).
 */
export type Dosage = Required<Omit<DosageDefaults, "load" | "note">> & { load: string; note: string };

/** The clinic's own photos and video of an exercise, as a page needs them (served through the link's media route). */
export type ExerciseMediaView = {
  photos: { id: string; altText: string; width: number; height: number; sha256: string }[];
  video: { id: string; altText: string; durationMs: number; contentType: string; sha256: string } | null;
};

export type ProgrammeExerciseView = {
  position: number;
  exerciseId: string;
  slug: string;
  /** Catalogue slug whose key poses illustrate this exercise, or null for none. */
  poseSlug: string | null;
  name: string;
  purpose: string;
  bodyPosition: Position;
  equipment: string[];
  steps: string[];
  cues: string[];
  cautions: string[];
  dosage: Dosage;
  /** Present when the clinic has photos or a video of this exercise: they replace the drawing. */
  media?: ExerciseMediaView;
};

export type ChangeSummary = {
  added: string[];
  removed: string[];
  changed: { name: string; changes: string[] }[];
  moved: boolean;
  detailsChanged: string[];
};

export type ProgrammeView = {
  programmeId: string;
  version: number;
  title: string;
  patientNote: string;
  changeNote: string;
  startDate: string | null;
  reviewDate: string | null;
  updatedAt: string;
  patient: { firstName: string; name: string };
  clinician: { name: string };
  clinic: { name: string; address: string; phone: string; paperSize: PaperSize };
  items: ProgrammeExerciseView[];
  /** Against the previous version; null for the first version. */
  changes: ChangeSummary | null;
};

/** General advice; `signs` lists warning signs, `urgent` advice (the red flags) comes first. */
export type SafetyAdvice = { id: string; title: string; text: string; signs?: string[]; urgent?: boolean; titleOnlyOnPaper?: boolean };

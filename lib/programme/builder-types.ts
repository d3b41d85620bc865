import type { Dosage } from "./view";

/** One row in the builder: an exercise with its dose. `key` is local to the screen. */
export type BuilderItem = {
  key: string;
  exerciseId: string;
  name: string;
  purpose: string;
  position: string;
  dosage: Dosage;
};

export type BuilderContent = {
  title: string;
  patientNote: string;
  changeNote: string;
  startDate: string;
  reviewDate: string;
  items: BuilderItem[];
};

export type SaveState = {
  ok?: boolean;
  message?: string;
  /** Zod paths flattened: "title", "items.2.sets". */
  errors?: Record<string, string>;
  conflict?: { currentVersion: number; theirChanges: string[] };
};

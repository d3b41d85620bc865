import type { BodyRegion, Category, Difficulty, Equipment, Position, Sides } from "./exercise";

/** How positions, categories and equipment read on screen (clinician wording). */
export const POSITION_LABELS: Record<Position, string> = {
  supine: "Lying on back",
  prone: "Lying on front",
  "side-lying": "Lying on side",
  quadruped: "Hands and knees",
  seated: "Sitting",
  kneeling: "Kneeling",
  standing: "Standing",
};

export const CATEGORY_LABELS: Record<Category, string> = {
  stretch: "Stretch",
  strengthen: "Strengthen",
  stabilise: "Stabilise",
  mobilise: "Mobilise",
};

export const EQUIPMENT_LABELS: Record<Equipment, string> = {
  none: "No equipment",
  mat: "Mat",
  chair: "Chair",
  towel: "Towel",
  ball: "Ball",
  block: "Block",
  pillow: "Pillow",
};

export const SIDES_LABELS: Record<Sides, string> = {
  none: "Not sided",
  each: "Each side",
  alternating: "Alternating",
};

export const BODY_REGION_LABELS: Record<BodyRegion, string> = {
  "lower back": "Lower back",
  hips: "Hips",
  core: "Core",
  "thoracic spine": "Thoracic spine",
};

/** A session's rating as the patient chose it and as the clinician reads it back. */
export const DIFFICULTY_LABELS: Record<Difficulty, string> = {
  too_easy: "Too easy",
  about_right: "About right",
  too_hard: "Too hard",
};

/** Label lookups for keys read from the database as plain strings. */
export const label = (map: Record<string, string>, key: string) => map[key] ?? key;

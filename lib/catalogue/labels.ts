/** How positions, categories and equipment read on screen (clinician wording). */
export const POSITION_LABELS: Record<string, string> = {
  supine: "Lying on back",
  prone: "Lying on front",
  "side-lying": "Lying on side",
  quadruped: "Hands and knees",
  seated: "Sitting",
  kneeling: "Kneeling",
  standing: "Standing",
};

export const CATEGORY_LABELS: Record<string, string> = {
  stretch: "Stretch",
  strengthen: "Strengthen",
  stabilise: "Stabilise",
  mobilise: "Mobilise",
};

export const EQUIPMENT_LABELS: Record<string, string> = {
  none: "No equipment",
  mat: "Mat",
  chair: "Chair",
  towel: "Towel",
  ball: "Ball",
  block: "Block",
  pillow: "Pillow",
};

export const label = (map: Record<string, string>, key: string) => map[key] ?? key;

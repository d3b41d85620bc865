/** Everyday words for each position, so "lying on front" finds prone exercises even without tags. */
const POSITION_WORDS: Record<string, string> = {
  supine: "supine lying on back face up",
  prone: "prone lying on front face down on stomach",
  "side-lying": "side-lying lying on side",
  quadruped: "quadruped hands and knees all fours",
  seated: "seated sitting chair",
  kneeling: "kneeling on knees",
  standing: "standing upright",
};

export function buildSearchText(exercise: {
  aliases: string[];
  tags: string[];
  targetMuscles: string[];
  purpose: string;
  category: string;
  position: string;
  bodyRegion: string;
  equipment: string[];
}): string {
  const equipment = exercise.equipment.map((e) => (e === "none" ? "no equipment" : e));
  return [
    ...exercise.aliases,
    ...exercise.tags,
    ...exercise.targetMuscles,
    exercise.category,
    POSITION_WORDS[exercise.position] ?? exercise.position,
    exercise.bodyRegion,
    ...equipment,
    exercise.purpose,
  ].join(" · ");
}

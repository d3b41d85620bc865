import { label } from "@/lib/domain/labels";
import type { Position } from "@/lib/domain/exercise";

/** Everyday words for each position, so "lying on front" finds prone exercises even without tags. */
const POSITION_WORDS: Record<Position, string> = {
  supine: "supine lying on back face up",
  prone: "prone lying on front face down on stomach",
  "side-lying": "side-lying lying on side",
  quadruped: "quadruped hands and knees all fours",
  seated: "seated sitting chair",
  kneeling: "kneeling on knees",
  standing: "standing upright",
};

type Searchable = {
  aliases: string[];
  tags: string[];
  targetMuscles: string[];
  purpose: string;
  category: string;
  position: string;
  bodyRegion: string;
  equipment: string[];
};

/** Words that should find an exercise almost as surely as its name. */
export function buildSearchText(exercise: Searchable): string {
  const equipment = exercise.equipment.map((e) => (e === "none" ? "no equipment" : e));
  return [
    ...exercise.aliases,
    ...exercise.tags,
    exercise.category,
    label(POSITION_WORDS, exercise.position),
    exercise.bodyRegion,
    ...equipment,
  ].join(" · ");
}

export function buildSearchDetail(exercise: Searchable): string {
  return [...exercise.targetMuscles, exercise.purpose].join(" · ");
}

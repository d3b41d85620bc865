import type { ProgrammeExerciseView } from "@/lib/programme/view";

/* Plain words for the patient side, at a reading age of about 11. */

const POSITION: Record<ProgrammeExerciseView["bodyPosition"], string> = {
  supine: "Lie on your back",
  prone: "Lie on your front",
  "side-lying": "Lie on your side",
  quadruped: "Get on your hands and knees",
  seated: "Sit on a firm chair",
  kneeling: "Kneel down",
  standing: "Stand up",
};

export function positionWords(position: ProgrammeExerciseView["bodyPosition"]): string {
  return POSITION[position];
}

/** "You need a mat and a towel", or null when nothing is needed. */
export function equipmentWords(equipment: string[]): string | null {
  const things = equipment.filter((e) => e && e !== "none").map((e) => (/^[aeiou]/i.test(e) ? `an ${e}` : `a ${e}`));
  if (things.length === 0) return null;
  const list = things.length === 1 ? things[0] : `${things.slice(0, -1).join(", ")} or ${things.at(-1)}`;
  // Several items are usually alternatives ("a towel, a ball or a block"), so "or", not "and".
  return `You need ${list}`;
}

/** 75 → "1:15", 9 → "9": big digits people read at a glance. */
export function clockWords(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return String(s);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** For screen readers: "1 minute 15 seconds". */
export function durationWords(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  const r = s % 60;
  const parts = [];
  if (m) parts.push(m === 1 ? "1 minute" : `${m} minutes`);
  if (r || !m) parts.push(r === 1 ? "1 second" : `${r} seconds`);
  return parts.join(" ");
}

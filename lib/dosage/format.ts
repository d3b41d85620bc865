import type { Dosage } from "@/lib/programme/view";

/*
 * Two ways to say a dose. Patients get words people say ("3 sets of 15", "twice a day");
 * clinicians get the compact line they scan ("3 × 15 · hold 5 s · 2×/day").
 */

const TIMES = ["", "once", "twice", "three times", "four times", "five times", "six times"];

function seconds(n: number): string {
  if (n >= 60 && n % 60 === 0) return n === 60 ? "1 minute" : `${n / 60} minutes`;
  return n === 1 ? "1 second" : `${n} seconds`;
}

export function timesPerDayWords(n: number): string {
  return `${TIMES[n] ?? `${n} times`} a day`;
}

export function daysPerWeekWords(n: number): string {
  if (n >= 7) return "every day";
  return n === 1 ? "1 day a week" : `${n} days a week`;
}

/** "3 sets of 15 on each side" or "1 set of 10". */
function setsAndRepsWords(d: Pick<Dosage, "sets" | "reps" | "sides">): string {
  const base = `${d.sets} ${d.sets === 1 ? "set" : "sets"} of ${d.reps}`;
  if (d.sides === "each") return `${base} on each side`;
  if (d.sides === "alternating") return `${base}, swapping sides each time`;
  return base;
}

/** The patient's line, in parts so a page can lay them out: ["3 sets of 15", "hold for 5 seconds", …]. */
export function dosageWords(d: Dosage): string[] {
  const parts = [setsAndRepsWords(d)];
  if (d.holdSeconds > 0) parts.push(`hold for ${seconds(d.holdSeconds)}`);
  if (d.restSeconds > 0 && d.sets > 1) parts.push(`rest ${seconds(d.restSeconds)} between sets`);
  parts.push(timesPerDayWords(d.timesPerDay));
  parts.push(daysPerWeekWords(d.daysPerWeek));
  if (d.load) parts.push(`with ${d.load}`);
  return parts;
}

export function dosageSentence(d: Dosage): string {
  return dosageWords(d).join(" · ");
}

/** The clinician's compact line. */
export function dosageCompact(d: Dosage): string {
  const parts = [`${d.sets} × ${d.reps}${d.sides === "each" ? " each side" : d.sides === "alternating" ? " alt." : ""}`];
  if (d.holdSeconds > 0) parts.push(`hold ${d.holdSeconds} s`);
  if (d.restSeconds > 0 && d.sets > 1) parts.push(`rest ${d.restSeconds} s`);
  parts.push(`${d.timesPerDay}×/day`);
  if (d.daysPerWeek < 7) parts.push(`${d.daysPerWeek} d/wk`);
  if (d.load) parts.push(d.load);
  return parts.join(" · ");
}

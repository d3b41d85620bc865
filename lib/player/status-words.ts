import type { ProgrammeExerciseView } from "@/lib/programme/view";
import { positionWords, durationWords } from "./words";
import type { PlanExercise, SessionState } from "./machine";

/* What the player says about where the patient is: on screen, and to screen readers. */

/** "Left side", "Now your right side", "Swap sides each time", or null. */
export function placeWords(state: SessionState): string | null {
  const ex = state.plan[state.exercise];
  if (!ex || state.phase === "finished") return null;
  if (ex.sides === "each") {
    if (state.phase === "ready") return state.side === 0 ? "Left side first" : "Now your right side";
    return state.side === 0 ? "Left side" : "Right side";
  }
  if (ex.sides === "alternating") {
    if (state.phase === "ready") return "Swap sides each time, starting on the left";
    return state.rep % 2 === 0 ? "Left side" : "Right side";
  }
  return null;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/**
 * "Set 2 of 3 · Rep 7 of 15" while working, "Set 1 of 3 done" while resting, the dose
 * on the ready screen. Lower case and without the dose when `onScreen` is false (for
 * "You were on Bridge, set 2 of 3").
 */
export function describeStep(state: SessionState, ex: PlanExercise, onScreen = false): string {
  const setPart = ex.sets > 1 ? `Set ${state.set + 1} of ${ex.sets}` : "";
  if (!onScreen) {
    const parts = ex.sides === "each" ? [`${state.side === 0 ? "left" : "right"} side`] : [];
    if (state.phase === "ready") parts.push("ready to start");
    else if (state.phase === "rest") parts.push(`resting after set ${state.set} of ${ex.sets}`);
    else parts.push(ex.sets > 1 ? `set ${state.set + 1} of ${ex.sets}` : `rep ${state.rep + 1} of ${ex.reps}`);
    return parts.join(", ");
  }
  if (state.phase === "ready") {
    const dose = [`${plural(ex.sets, "set")} of ${ex.reps}`];
    if (ex.holdSeconds > 0) dose.push(`hold for ${durationWords(ex.holdSeconds)}`);
    return dose.join(" · ");
  }
  if (state.phase === "rest") return `Set ${state.set} of ${ex.sets} done`;
  return [setPart, `Rep ${state.rep + 1} of ${ex.reps}`].filter(Boolean).join(" · ");
}

export type Dial = { label: string; tone: "hold" | "prepare" | "rest" | "paused"; spoken: (seconds: number) => string };

/** The countdown to show, or null when nothing is being timed. */
export function dialFor(state: SessionState): Dial | null {
  if (!state.timer || !["prepare", "hold", "rest"].includes(state.phase)) return null;
  const label = state.paused
    ? "Paused"
    : state.phase === "hold"
      ? "Hold"
      : state.phase === "rest"
        ? "Rest"
        : state.rep === 0
          ? "Get ready"
          : "Relax";
  const tone = state.paused ? "paused" : state.phase === "hold" ? "hold" : state.phase === "rest" ? "rest" : "prepare";
  return { label, tone, spoken: (seconds) => `${label}: ${durationWords(seconds)} left` };
}

/** One line of guidance for this moment; every step is in "How to do it". */
export function stepText(state: SessionState, ex: PlanExercise, item: Pick<ProgrammeExerciseView, "steps" | "cues">): string | null {
  const cue = item.cues.length ? item.cues[state.rep % item.cues.length] : undefined;
  if (state.paused) return "Paused. Take your time.";
  switch (state.phase) {
    case "ready":
      return ex.sides === "each" && state.side === 1 ? "Turn round or swap legs, then press Start." : (item.steps[0] ?? null);
    case "prepare":
      return state.rep === 0 ? "Get into position." : "Relax and breathe. Get ready for the next one.";
    case "hold":
      return cue ?? "Hold still and keep breathing.";
    case "reps":
      return cue ?? "Press Done after each one.";
    case "rest":
      return `Rest and breathe normally. Next: set ${state.set + 1} of ${ex.sets}.`;
    default:
      return null;
  }
}

/** For the polite live region: changes on each step, never on each second. */
export function spokenStatus(state: SessionState, item: Pick<ProgrammeExerciseView, "name" | "bodyPosition">, total: number): string {
  const ex = state.plan[state.exercise];
  if (!ex) return "";
  const side = placeWords(state);
  const sidePart = side ? `${side}. ` : "";
  if (state.paused) return "Paused.";
  switch (state.phase) {
    case "ready":
      return `Exercise ${state.exercise + 1} of ${total}: ${item.name}. ${positionWords(item.bodyPosition)}. ${sidePart}Press Start when you are ready.`;
    case "prepare":
      return state.rep === 0 ? `${sidePart}${describeStep(state, ex, true)}. Get ready.` : "Relax.";
    case "hold":
      return `${sidePart}Rep ${state.rep + 1} of ${ex.reps}. Hold for ${durationWords(ex.holdSeconds)}.`;
    case "reps":
      return `${sidePart}${describeStep(state, ex, true)}.`;
    case "rest":
      return `Set ${state.set} done. Rest for ${durationWords(ex.restSeconds)}.`;
    default:
      return "Session finished.";
  }
}

import type { LoggedExercise } from "@/db/schema";
import type { ProgrammeView } from "@/lib/programme/view";

/*
 * The follow-along session as a pure state machine. No React, no clock: every
 * function that can move time takes `now` (ms since the epoch), so tests drive it with
 * fake time and the player drives it with Date.now(). The state is plain JSON, so it
 * can be saved to localStorage and picked up again after the phone locks or the tab
 * closes.
 *
 * Order within one exercise: side (left, then right, for "each side") → set → rep.
 * Sides are the outer loop so someone lying on their side turns over once, not once
 * per set. "Alternating" is one side count whose reps swap sides.
 */

/** Time to get into position before the first hold of a set. */
export const GET_READY_SECONDS = 5;
/** Time to come out of a hold, breathe and get back in before the next one. */
export const RELAX_SECONDS = 5;
/** A session left longer than this is a new day: offer a fresh start instead. */
const RESTORE_MAX_AGE_MS = 12 * 60 * 60 * 1000;

import type { Sides } from "@/lib/domain/exercise";

export type PlanExercise = {
  position: number;
  exerciseId: string;
  sets: number;
  reps: number;
  holdSeconds: number;
  restSeconds: number;
  sides: Sides;
};

/**
 * ready: waiting for the patient to get into position and tap Start (each exercise,
 * and again before the second side). prepare: a short timed gap before a hold ("Get
 * ready" before the first, "Relax" between holds). hold: the hold countdown. reps: no
 * hold, the patient taps Done for each rep. rest: the rest timer between sets.
 */
export type Phase = "ready" | "prepare" | "hold" | "reps" | "rest" | "finished";

export type Timer = { durationMs: number; remainingMs: number; runningSince: number | null };

export type ExerciseProgress = { setSidesDone: number; skipped: boolean };

export type SessionState = {
  format: 1;
  /** Made once per session on the device; doubles as the log's idempotency key. */
  sessionId: string;
  plan: PlanExercise[];
  exercise: number;
  /** 0 = left (or the only side), 1 = right. */
  side: number;
  /** Sets finished on this side in this run. */
  set: number;
  /** Reps finished in this set. */
  rep: number;
  phase: Phase;
  timer: Timer | null;
  paused: boolean;
  startedAt: number;
  finishedAt: number | null;
  progress: ExerciseProgress[];
};

export function planFromProgramme(view: Pick<ProgrammeView, "items">): PlanExercise[] {
  const whole = (n: number, min: number) => (Number.isFinite(n) ? Math.max(min, Math.round(n)) : min);
  return view.items.map((item) => ({
    position: item.position,
    exerciseId: item.exerciseId,
    sets: whole(item.dosage.sets, 1),
    reps: whole(item.dosage.reps, 1),
    holdSeconds: whole(item.dosage.holdSeconds, 0),
    restSeconds: whole(item.dosage.restSeconds, 0),
    sides: item.dosage.sides,
  }));
}

export function sideCount(exercise: Pick<PlanExercise, "sides">): number {
  return exercise.sides === "each" ? 2 : 1;
}

function unitsOf(exercise: PlanExercise): number {
  return exercise.sets * sideCount(exercise);
}

export function startSession(plan: PlanExercise[], opts: { now: number; sessionId: string }): SessionState {
  return {
    format: 1,
    sessionId: opts.sessionId,
    plan,
    exercise: 0,
    side: 0,
    set: 0,
    rep: 0,
    phase: plan.length === 0 ? "finished" : "ready",
    timer: null,
    paused: false,
    startedAt: opts.now,
    finishedAt: plan.length === 0 ? opts.now : null,
    progress: plan.map(() => ({ setSidesDone: 0, skipped: false })),
  };
}

function currentExercise(state: SessionState): PlanExercise | undefined {
  return state.plan[state.exercise];
}

function runningTimer(seconds: number, at: number): Timer {
  const durationMs = seconds * 1000;
  return { durationMs, remainingMs: durationMs, runningSince: at };
}

export function timeLeftMs(state: SessionState, now: number): number {
  const t = state.timer;
  if (!t) return 0;
  const left = t.runningSince === null ? t.remainingMs : t.remainingMs - (now - t.runningSince);
  return Math.max(0, left);
}

/** Whole seconds to show on a countdown: 4.2 s left reads "5" so "0" is never shown while it runs. */
export function secondsLeft(state: SessionState, now: number): number {
  return Math.ceil(timeLeftMs(state, now) / 1000);
}

/** Which side the patient is working now, or null when sides do not apply. */
export function currentSide(state: SessionState): "left" | "right" | null {
  const ex = currentExercise(state);
  if (!ex || state.phase === "finished") return null;
  if (ex.sides === "each") return state.side === 0 ? "left" : "right";
  if (ex.sides === "alternating") return state.rep % 2 === 0 ? "left" : "right";
  return null;
}

function beginSet(state: SessionState, at: number): SessionState {
  const ex = currentExercise(state)!;
  return ex.holdSeconds > 0
    ? { ...state, rep: 0, phase: "prepare", timer: runningTimer(GET_READY_SECONDS, at) }
    : { ...state, rep: 0, phase: "reps", timer: null };
}

function enterExercise(state: SessionState, index: number, at: number): SessionState {
  if (index >= state.plan.length) {
    return { ...state, exercise: state.plan.length - 1, phase: "finished", timer: null, paused: false, finishedAt: at };
  }
  return { ...state, exercise: index, side: 0, set: 0, rep: 0, phase: "ready", timer: null, paused: false };
}

function completeSetAt(state: SessionState, at: number): SessionState {
  const ex = currentExercise(state)!;
  const runDone = state.side * ex.sets + state.set + 1;
  const progress = state.progress.map((p, i) =>
    i === state.exercise ? { setSidesDone: Math.max(p.setSidesDone, runDone), skipped: false } : p,
  );
  const next = { ...state, progress, set: state.set + 1, rep: 0 };
  if (next.set < ex.sets) {
    return ex.restSeconds > 0 ? { ...next, phase: "rest", timer: runningTimer(ex.restSeconds, at) } : beginSet(next, at);
  }
  if (state.side + 1 < sideCount(ex)) {
    return { ...next, side: state.side + 1, set: 0, phase: "ready", timer: null };
  }
  return enterExercise(next, state.exercise + 1, at);
}

function onTimerEnd(state: SessionState, at: number): SessionState {
  const ex = currentExercise(state)!;
  switch (state.phase) {
    case "prepare":
      return { ...state, phase: "hold", timer: runningTimer(ex.holdSeconds, at) };
    case "hold": {
      const rep = state.rep + 1;
      if (rep < ex.reps) return { ...state, rep, phase: "prepare", timer: runningTimer(RELAX_SECONDS, at) };
      return completeSetAt({ ...state, rep }, at);
    }
    case "rest":
      return beginSet(state, at);
    default:
      return { ...state, timer: null };
  }
}

/**
 * Moves time on. Every timer that ran out before `now` ends at its exact end time, so
 * a phone that slept through two holds comes back in step. Untimed phases (ready,
 * reps) stop the catch-up: nothing moves without the patient. Returns the same object
 * when nothing changed, so a caller can skip work.
 */
export function tick(state: SessionState, now: number): SessionState {
  let s = state;
  for (let guard = 0; guard < 100_000; guard++) {
    const t = s.timer;
    if (s.paused || !t || t.runningSince === null) return s;
    const endsAt = t.runningSince + t.remainingMs;
    if (endsAt > now) return s;
    s = onTimerEnd(s, endsAt);
  }
  return s;
}

/** Start (or, on the second side, start again) from the ready screen. */
export function begin(state: SessionState, now: number): SessionState {
  if (state.phase !== "ready") return state;
  return beginSet({ ...state, paused: false }, now);
}

/** One rep done, for exercises without a hold. */
export function completeRep(state: SessionState, now: number): SessionState {
  if (state.phase !== "reps" || state.paused) return state;
  const rep = state.rep + 1;
  const ex = currentExercise(state)!;
  return rep < ex.reps ? { ...state, rep } : completeSetAt({ ...state, rep }, now);
}

/** "All done for this set": counts the set as done without tapping each rep. */
export function completeSet(state: SessionState, now: number): SessionState {
  const s = tick(state, now);
  if (s.phase !== "reps" && s.phase !== "hold" && s.phase !== "prepare") return s;
  return completeSetAt({ ...s, paused: false, rep: currentExercise(s)!.reps }, now);
}

export function skipRest(state: SessionState, now: number): SessionState {
  const s = tick(state, now);
  if (s.phase !== "rest") return s;
  return beginSet({ ...s, paused: false }, now);
}

export function pause(state: SessionState, now: number): SessionState {
  const s = tick(state, now);
  if (s.paused || s.phase === "finished") return s;
  const timer = s.timer ? { ...s.timer, remainingMs: timeLeftMs(s, now), runningSince: null } : null;
  return { ...s, paused: true, timer };
}

export function resume(state: SessionState, now: number): SessionState {
  if (!state.paused) return state;
  const timer = state.timer ? { ...state.timer, runningSince: now } : null;
  return { ...state, paused: false, timer };
}

/** On to the next exercise, keeping what was done here (the last one finishes the session). */
export function nextExercise(state: SessionState, now: number): SessionState {
  const s = tick(state, now);
  if (s.phase === "finished") return s;
  return enterExercise(s, s.exercise + 1, now);
}

export function previousExercise(state: SessionState, now: number): SessionState {
  const s = tick(state, now);
  if (s.exercise === 0) return s;
  return enterExercise(s, s.exercise - 1, now);
}

/** Like next, but the clinician sees that the patient chose to skip it. */
export function skipExercise(state: SessionState, now: number): SessionState {
  const s = tick(state, now);
  if (s.phase === "finished") return s;
  const progress = s.progress.map((p, i) => (i === s.exercise ? { ...p, skipped: true } : p));
  return enterExercise({ ...s, progress }, s.exercise + 1, now);
}

/** Finish early (or at the end): the log then shows what was done. */
export function finish(state: SessionState, now: number): SessionState {
  const s = tick(state, now);
  if (s.phase === "finished") return s;
  return { ...s, phase: "finished", timer: null, paused: false, finishedAt: now };
}

/** How far through the session the patient is, 0 to 1, by sets. */
export function sessionProgress(state: SessionState): number {
  if (state.phase === "finished") return 1;
  const total = state.plan.reduce((n, ex) => n + unitsOf(ex), 0);
  if (total === 0) return 1;
  const ex = currentExercise(state)!;
  const before = state.plan.slice(0, state.exercise).reduce((n, e) => n + unitsOf(e), 0);
  const here = state.side * ex.sets + state.set + state.rep / ex.reps;
  return Math.min(1, (before + here) / total);
}

/** What the clinician sees: per exercise, sets done (per side) against sets planned. */
export function summarise(state: SessionState): LoggedExercise[] {
  return state.plan.map((ex, i) => {
    const p = state.progress[i] ?? { setSidesDone: 0, skipped: false };
    const setsDone = Math.min(ex.sets, Math.floor(p.setSidesDone / sideCount(ex)));
    return { position: ex.position, exerciseId: ex.exerciseId, setsDone, setsPlanned: ex.sets, skipped: p.skipped || p.setSidesDone === 0 };
  });
}

/** True when every set of every exercise was done. */
export function isComplete(state: SessionState): boolean {
  return summarise(state).every((e) => !e.skipped && e.setsDone === e.setsPlanned);
}

export function storageKey(programmeId: string, version: number): string {
  return `homeplan:session:${programmeId}:v${version}`;
}

export function serialiseSession(state: SessionState, now: number): string {
  return JSON.stringify({ ...state, savedAt: now });
}

const PHASES: readonly Phase[] = ["ready", "prepare", "hold", "reps", "rest", "finished"];

function samePlan(a: PlanExercise[], b: PlanExercise[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Picks a saved session up again. Returns null when there is nothing usable: nothing
 * saved, damaged JSON, a different plan (the clinician edited the programme), or too
 * old. A running timer comes back paused and starts its phase again, and a hold comes
 * back as "get ready": the patient has to get back into position first.
 */
export function restoreSession(raw: string | null, plan: PlanExercise[], now: number, maxAgeMs = RESTORE_MAX_AGE_MS): SessionState | null {
  if (!raw) return null;
  let saved: Partial<SessionState> & { savedAt?: unknown };
  try {
    saved = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!saved || typeof saved !== "object" || saved.format !== 1) return null;
  if (typeof saved.savedAt !== "number" || now - saved.savedAt > maxAgeMs || saved.savedAt > now + 60_000) return null;
  if (!Array.isArray(saved.plan) || !samePlan(saved.plan, plan)) return null;
  if (typeof saved.sessionId !== "string" || !saved.sessionId) return null;
  if (!PHASES.includes(saved.phase as Phase) || !Array.isArray(saved.progress) || saved.progress.length !== plan.length) return null;
  const ex = plan[saved.exercise ?? -1];
  const numbers = [saved.exercise, saved.side, saved.set, saved.rep, saved.startedAt];
  if (!ex || numbers.some((n) => typeof n !== "number" || !Number.isInteger(n) || n < 0)) return null;
  if (saved.side! >= sideCount(ex) || saved.set! >= ex.sets || saved.rep! >= ex.reps) {
    if (saved.phase !== "finished") return null;
  }
  const progressOk = saved.progress.every((p) => p && typeof p.setSidesDone === "number" && typeof p.skipped === "boolean");
  const timer = saved.timer;
  if (!progressOk || (timer != null && !(typeof timer.durationMs === "number" && timer.durationMs > 0))) return null;
  const state = { ...saved } as SessionState & { savedAt?: number };
  delete state.savedAt;
  if (state.phase === "finished") return { ...state, timer: null, paused: false };
  const fresh = (ms: number): Timer => ({ durationMs: ms, remainingMs: ms, runningSince: null });
  if (state.phase === "hold") return { ...state, phase: "prepare", paused: true, timer: fresh(GET_READY_SECONDS * 1000) };
  return { ...state, paused: true, timer: state.timer ? fresh(state.timer.durationMs) : null };
}

/**
 * The one big button (and the Space key): Start on the ready screen, Done for a rep
 * without a hold, Resume when paused, otherwise Pause.
 */
export function primaryAction(state: SessionState, now: number): SessionState {
  const s = tick(state, now);
  if (s.paused) return resume(s, now);
  if (s.phase === "ready") return begin(s, now);
  if (s.phase === "reps") return completeRep(s, now);
  if (s.phase === "finished") return s;
  return pause(s, now);
}

export type PrimaryKind = "start" | "done" | "pause" | "resume" | "none";

export function primaryKind(state: SessionState): PrimaryKind {
  if (state.phase === "finished") return "none";
  if (state.paused) return "resume";
  if (state.phase === "ready") return "start";
  if (state.phase === "reps") return "done";
  return "pause";
}

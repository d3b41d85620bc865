import { blendKeyPoses, solveKeyPose, toKeyPose, type KeyPose, type Skeleton } from "./kinematics";
import type { PoseSet } from "./pose-schema";

/**
 * One repetition as a list of stills and moves. The movement out (start to last key pose)
 * takes tempoSeconds, shared between the moves by each pose's weight; the way back takes
 * the same; the programme's hold happens at the marked pose(s).
 */
export type Step =
  | { kind: "still"; pose: number; start: number; duration: number }
  | { kind: "move"; from: number; to: number; start: number; duration: number };

/** `turn`: when the way back begins (the end of the last hold), for a figure kept in step with a timer. */
export type Timeline = { steps: Step[]; total: number; turn: number };

/** A short pause at the start pose so that repetitions read as separate. */
export const REST_BETWEEN_REPS = 0.6;

export function buildTimeline(set: PoseSet, options: { tempoSeconds: number; holdSeconds: number }): Timeline {
  const poses = set.poses;
  const last = poses.length - 1;
  const tempo = Math.max(0.5, options.tempoSeconds);
  const hold = Math.max(0, options.holdSeconds);
  const outWeight = poses.slice(1).reduce((sum, p) => sum + p.weight, 0);
  const moveTime = (pose: number) => (tempo * poses[pose]!.weight) / outWeight;
  const held = new Set(poses.flatMap((p, i) => (p.hold ? [i] : [])));
  if (held.size === 0) held.add(last);

  const steps: Step[] = [];
  let clock = 0;
  type Unplaced = { kind: "still"; pose: number; duration: number } | { kind: "move"; from: number; to: number; duration: number };
  const push = (step: Unplaced) => {
    if (step.duration <= 0) return;
    steps.push({ ...step, start: clock });
    clock += step.duration;
  };
  push({ kind: "still", pose: 0, duration: REST_BETWEEN_REPS });
  for (let i = 1; i <= last; i++) {
    push({ kind: "move", from: i - 1, to: i, duration: moveTime(i) });
    if (held.has(i)) push({ kind: "still", pose: i, duration: hold });
  }
  const turn = clock;
  if (set.cycle === "loop") {
    push({ kind: "move", from: last, to: 0, duration: (tempo * poses[0]!.weight) / outWeight });
  } else {
    for (let i = last; i >= 1; i--) push({ kind: "move", from: i, to: i - 1, duration: moveTime(i) });
  }
  return { steps, total: clock, turn };
}

/** Slow in, slow out: how a person moves between two positions. */
const ease = (t: number) => 0.5 - 0.5 * Math.cos(Math.PI * t);

/** The pose at a moment (seconds since the repetition began; repeats after total). */
export function keyPoseAt(timeline: Timeline, keys: KeyPose[], seconds: number): KeyPose {
  const t = timeline.total > 0 ? ((seconds % timeline.total) + timeline.total) % timeline.total : 0;
  const step = timeline.steps.find((s) => t < s.start + s.duration) ?? timeline.steps[timeline.steps.length - 1];
  if (!step) return keys[0]!;
  if (step.kind === "still") return keys[step.pose]!;
  return blendKeyPoses(keys[step.from]!, keys[step.to]!, ease((t - step.start) / step.duration));
}

/**
 * Where a figure kept in step with the player's timer stands. "out": a hold has begun,
 * so move into the held pose and stay there; "back": the hold is over (relax, rest, get
 * ready), so return to the start and stay; "free": nothing is timed, so loop the movement.
 */
export type Stance = "out" | "back" | "free";

/** Seconds into the repetition's timeline for a stance that began `elapsed` seconds ago. */
export function stanceSeconds(timeline: Timeline, stance: Exclude<Stance, "free">, elapsed: number): number {
  const e = Math.max(0, elapsed);
  // Out: start moving at once (skip the pause at the start pose) and stop at the turn.
  if (stance === "out") return Math.min(REST_BETWEEN_REPS + e, timeline.turn);
  // Back: from the turn to the end, which is the start pose again; stop a hair short so it does not wrap.
  return Math.min(timeline.turn + e, timeline.total - 1e-6);
}

/** Everything the player needs, worked out once per pose set. */
export function prepareAnimation(set: PoseSet, options: { tempoSeconds: number; holdSeconds: number }) {
  const keys = set.poses.map(toKeyPose);
  const timeline = buildTimeline(set, options);
  return {
    timeline,
    skeletonAt: (seconds: number): Skeleton => solveKeyPose(keyPoseAt(timeline, keys, seconds), set.anchor),
  };
}

import { describe, expect, it } from "vitest";
import { buildTimeline, keyPoseAt, prepareAnimation, REST_BETWEEN_REPS, stanceSeconds } from "./animation";
import { solvePoseSet, toKeyPose } from "./kinematics";
import type { PoseSet } from "./pose-schema";
import { distance, setFor, surface } from "./test-support";

const moves = (t: ReturnType<typeof buildTimeline>) => t.steps.filter((s) => s.kind === "move");
const stills = (t: ReturnType<typeof buildTimeline>) => t.steps.filter((s) => s.kind === "still");

describe("timeline", () => {
  it("moves out at the tempo, holds at the end pose and comes back at the same tempo", () => {
    const timeline = buildTimeline(setFor("bridge"), { tempoSeconds: 2, holdSeconds: 3 });
    expect(moves(timeline).map((m) => [m.kind === "move" && m.from, m.kind === "move" && m.to, m.duration])).toEqual([
      [0, 1, 2],
      [1, 0, 2],
    ]);
    expect(stills(timeline).map((s) => [s.kind === "still" && s.pose, s.duration])).toEqual([
      [0, REST_BETWEEN_REPS],
      [1, 3],
    ]);
    expect(timeline.total).toBeCloseTo(REST_BETWEEN_REPS + 7, 6);
  });

  it("holds where the file says (cat–cow holds rounded) and loops straight back to the start", () => {
    const timeline = buildTimeline(setFor("cat-cow"), { tempoSeconds: 3, holdSeconds: 3 });
    expect(stills(timeline).map((s) => s.kind === "still" && s.pose)).toEqual([0, 1]);
    expect(moves(timeline).map((m) => m.kind === "move" && `${m.from}>${m.to}`)).toEqual(["0>1", "1>2", "2>0"]);
    const out = moves(timeline)
      .slice(0, 2)
      .reduce((sum, m) => sum + m.duration, 0);
    expect(out).toBeCloseTo(3, 6);
  });

  it("has no hold step when the programme has no hold", () => {
    const timeline = buildTimeline(setFor("bird-dog"), { tempoSeconds: 2, holdSeconds: 0 });
    expect(stills(timeline)).toHaveLength(1);
  });
});

describe("frames", () => {
  it("start at the start pose, reach the end pose and repeat", () => {
    const set = setFor("superman");
    const animation = prepareAnimation(set, { tempoSeconds: 2, holdSeconds: 1 });
    const [start, lift] = solvePoseSet(set);
    const near = (a: typeof start, b: typeof start) => distance(a!.joints.handNear, b!.joints.handNear) < 0.01;
    expect(near(animation.skeletonAt(0), start)).toBe(true);
    expect(near(animation.skeletonAt(REST_BETWEEN_REPS + 2 + 0.5), lift)).toBe(true);
    expect(near(animation.skeletonAt(animation.timeline.total), start)).toBe(true);
    const midway = animation.skeletonAt(REST_BETWEEN_REPS + 1);
    expect(near(midway, start) || near(midway, lift)).toBe(false);
  });

  it("keep shared floor contacts all the way through (bridge shoulders and feet stay down)", () => {
    const animation = prepareAnimation(setFor("bridge"), { tempoSeconds: 2, holdSeconds: 0 });
    for (let t = REST_BETWEEN_REPS; t < REST_BETWEEN_REPS + 2; t += 0.2) {
      const s = animation.skeletonAt(t);
      expect(surface(s, "neck")).toBeLessThan(1);
      expect(surface(s, "heelNear")).toBeLessThan(1);
    }
  });

  it("blend smoothly: no frame jumps far from the one before", () => {
    const set: PoseSet = setFor("childs-pose");
    const keys = set.poses.map(toKeyPose);
    const timeline = buildTimeline(set, { tempoSeconds: 3, holdSeconds: 1 });
    const animation = prepareAnimation(set, { tempoSeconds: 3, holdSeconds: 1 });
    let previous = animation.skeletonAt(0);
    for (let t = 1 / 60; t < timeline.total; t += 1 / 60) {
      const s = animation.skeletonAt(t);
      expect(distance(s.joints.head, previous.joints.head)).toBeLessThan(3);
      previous = s;
    }
    expect(keyPoseAt(timeline, keys, 0)).toBe(keys[0]);
  });
});

describe("in step with the player's timer", () => {
  it("moves into the held pose as a hold starts, stays there, and returns to the start after it", () => {
    const set = setFor("superman");
    const animation = prepareAnimation(set, { tempoSeconds: 1.2, holdSeconds: 0 });
    const [start, lift] = solvePoseSet(set);
    const near = (a: typeof start, b: typeof start) => distance(a!.joints.handNear, b!.joints.handNear) < 0.01;
    const at = (stance: "out" | "back", elapsed: number) => animation.skeletonAt(stanceSeconds(animation.timeline, stance, elapsed));
    expect(near(at("out", 0), start)).toBe(true);
    expect(near(at("out", 0.6), start) || near(at("out", 0.6), lift)).toBe(false);
    for (const elapsed of [1.2, 5, 60]) expect(near(at("out", elapsed), lift)).toBe(true);
    expect(near(at("back", 0), lift)).toBe(true);
    for (const elapsed of [1.2, 5, 60]) expect(near(at("back", elapsed), start)).toBe(true);
  });
});

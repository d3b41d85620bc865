import { describe, expect, it } from "vitest";
import { prepareAnimation } from "./animation";
import { bodyCapsules, forwardKinematics, lowestPoint, solvePoseSet, toKeyPose, type Skeleton } from "./kinematics";
import { BONES } from "./skeleton";
import { catalogue, distance, LYING, poseSets, setFor, surface } from "./test-support";

/** Key poses plus frames sampled along the whole animation, at a brisk tempo. */
function everyFrame(slug: string): Skeleton[] {
  const set = setFor(slug);
  const animation = prepareAnimation(set, { tempoSeconds: 2, holdSeconds: 1 });
  const frames: Skeleton[] = [...solvePoseSet(set)];
  for (let t = 0; t < animation.timeline.total; t += 0.1) frames.push(animation.skeletonAt(t));
  return frames;
}

describe("figure proportions", () => {
  it.each([...poseSets.keys()])("%s keeps every bone its length in every pose and frame", (slug) => {
    for (const s of everyFrame(slug)) {
      for (const [a, b, length] of BONES) expect(distance(s.joints[a], s.joints[b]), `${a}–${b}`).toBeCloseTo(length, 6);
    }
  });

  it("a bent knee moves the ankle but not the thigh", () => {
    const set = setFor("bridge");
    const key = toKeyPose(set.poses[0]!);
    const straight = forwardKinematics({ ...key.angles, near: { ...key.angles.near, knee: 0 } });
    const bent = forwardKinematics({ ...key.angles, near: { ...key.angles.near, knee: 90 } });
    expect(bent.joints.kneeNear).toEqual(straight.joints.kneeNear);
    expect(distance(bent.joints.ankleNear, straight.joints.ankleNear)).toBeGreaterThan(40);
  });
});

describe("floor contact", () => {
  const lying = catalogue.filter((e) => LYING.has(e.position));

  it("covers the lying, kneeling and all-fours exercises", () => {
    expect(lying.map((e) => e.slug).sort()).toEqual(
      [
        "bird-dog",
        "bridge",
        "cat-cow",
        "childs-pose",
        "draw-in",
        "knee-to-chest",
        "lower-back-rotation",
        "partial-curl",
        "pelvic-tilt",
        "side-lying-leg-lift",
        "superman",
      ].sort(),
    );
  });

  it.each(lying.map((e) => e.slug))("%s rests on the floor and never sinks through it", (slug) => {
    for (const s of everyFrame(slug)) {
      const low = lowestPoint(s);
      expect(low).toBeGreaterThan(-0.5);
      expect(low).toBeLessThan(0.5);
      for (const c of bodyCapsules(s)) expect(Math.min(c.a[1], c.b[1]) - c.r).toBeGreaterThan(-0.5);
    }
  });

  it.each([...poseSets.entries()].flatMap(([slug, set]) => set.poses.flatMap((p, i) => (p.contacts ? [[slug, p.label, i] as const] : []))))(
    "%s %s touches the floor at both named contacts",
    (slug, _label, index) => {
      const set = setFor(slug);
      const s = solvePoseSet(set)[index]!;
      for (const joint of set.poses[index]!.contacts!) expect(Math.abs(surface(s, joint)), joint).toBeLessThan(1);
    },
  );

  it("seated exercises have their feet on the floor", () => {
    for (const slug of ["seated-rotation", "seated-torso-twist"]) {
      for (const s of solvePoseSet(setFor(slug))) expect(Math.min(surface(s, "heelNear"), surface(s, "heelFar"))).toBeLessThan(1);
    }
  });
});

describe("anchor", () => {
  it("keeps the anchor joint in place from pose to pose (a planted heel stays planted)", () => {
    for (const [slug, set] of poseSets) {
      const xs = solvePoseSet(set).map((s) => s.joints[set.anchor][0]);
      for (const x of xs) expect(x, slug).toBeCloseTo(xs[0]!, 6);
    }
  });
});

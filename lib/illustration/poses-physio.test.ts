import { describe, expect, it } from "vitest";
import type { Vec3 } from "./kinematics";
import { angleAt, distance, slope, solved, surface } from "./test-support";

/**
 * What a physiotherapist would check by eye, as geometry on the solved figure (cm, y up
 * from the floor). These fail when a pose file drifts away from the exercise it draws.
 */
const ON_FLOOR = 1.5;

/** How far the waist sits above (+) or below (−) the straight line from pelvis to neck. */
function spineBow(j: Record<"pelvis" | "waist" | "neck", Vec3>): number {
  const t = 0.5;
  const chord = j.pelvis[1] + (j.neck[1] - j.pelvis[1]) * t;
  return j.waist[1] - chord;
}

/** Angle of a line across the body, seen from above (degrees). */
const heading = (a: Vec3, b: Vec3) => (Math.atan2(b[2] - a[2], b[0] - a[0]) * 180) / Math.PI;
const angleBetween = (a: number, b: number) => Math.abs(((a - b + 540) % 360) - 180);

describe("bridge", () => {
  const { byLabel } = solved("bridge");
  const lift = byLabel("Lift");
  const j = lift.joints;

  it("lifts the hips well clear of the floor with the knees bent and the shoulders down", () => {
    expect(surface(lift, "hipNear")).toBeGreaterThan(25);
    expect(angleAt(j.hipNear, j.kneeNear, j.ankleNear)).toBeGreaterThan(60);
    expect(angleAt(j.hipNear, j.kneeNear, j.ankleNear)).toBeLessThan(120);
    expect(surface(lift, "neck")).toBeLessThan(ON_FLOOR);
    expect(surface(lift, "heelNear")).toBeLessThan(ON_FLOOR);
  });

  it("makes a straight line from shoulders through hips to knees", () => {
    expect(angleAt(j.neck, j.hipNear, j.kneeNear)).toBeGreaterThan(160);
  });

  it("starts lying flat", () => {
    const start = byLabel("Start");
    for (const joint of ["pelvis", "neck", "head", "heelNear"] as const) expect(surface(start, joint)).toBeLessThan(ON_FLOOR);
  });
});

describe("superman", () => {
  const { byLabel } = solved("superman");

  it("lies face down and lifts hands and feet off the floor, looking at the floor", () => {
    const lift = byLabel("Lift");
    expect(lift.face[1]).toBeLessThan(-0.5);
    expect(surface(lift, "pelvis")).toBeLessThan(ON_FLOOR);
    for (const joint of ["handNear", "handFar", "toeNear", "toeFar"] as const) expect(surface(lift, joint)).toBeGreaterThan(8);
    // Arms reach beyond the head, legs trail behind the hips.
    expect(lift.joints.handNear[0]).toBeGreaterThan(lift.joints.head[0]);
    expect(lift.joints.toeNear[0]).toBeLessThan(lift.joints.pelvis[0]);
  });

  it("starts with everything resting on the floor", () => {
    const start = byLabel("Start");
    for (const joint of ["handNear", "kneeNear", "head"] as const) expect(surface(start, joint)).toBeLessThan(ON_FLOOR + 1);
  });
});

describe("cat–cow", () => {
  const { poses, byLabel } = solved("cat-cow");

  it("has a rounded pose with the spine arched up and a hollow one with it dipped down", () => {
    expect(spineBow(byLabel("Round up").joints)).toBeGreaterThan(3);
    expect(spineBow(byLabel("Dip down").joints)).toBeLessThan(-3);
    expect(Math.abs(spineBow(byLabel("Start").joints))).toBeLessThan(2);
  });

  it("tucks the chin when rounded and lifts the head when dipped", () => {
    expect(byLabel("Round up").joints.head[1]).toBeLessThan(byLabel("Dip down").joints.head[1] - 10);
  });

  it("keeps hands under shoulders and knees under hips on the floor throughout", () => {
    for (const s of poses) {
      expect(surface(s, "handNear")).toBeLessThan(ON_FLOOR);
      expect(surface(s, "kneeNear")).toBeLessThan(ON_FLOOR);
      expect(Math.abs(s.joints.handNear[0] - s.joints.shoulderNear[0])).toBeLessThan(8);
      expect(Math.abs(s.joints.kneeNear[0] - s.joints.hipNear[0])).toBeLessThan(8);
    }
  });
});

describe("bird-dog", () => {
  const { byLabel } = solved("bird-dog");

  it("starts on hands and knees with a flat back", () => {
    const start = byLabel("Start");
    for (const joint of ["handNear", "handFar", "kneeNear", "kneeFar"] as const) expect(surface(start, joint)).toBeLessThan(ON_FLOOR);
    expect(slope(start.joints.pelvis, start.joints.neck)).toBeLessThan(10);
  });

  it("reaches one arm forward and the opposite leg back, both roughly level, on the other hand and knee", () => {
    const reach = byLabel("Reach");
    const j = reach.joints;
    expect(surface(reach, "handNear")).toBeLessThan(ON_FLOOR);
    expect(surface(reach, "kneeFar")).toBeLessThan(ON_FLOOR);
    // Far arm forward (past the head), near leg back (behind the pelvis): opposite sides.
    expect(slope(j.shoulderFar, j.handFar)).toBeLessThan(20);
    expect(j.handFar[0]).toBeGreaterThan(j.head[0]);
    expect(slope(j.hipNear, j.ankleNear)).toBeLessThan(20);
    expect(j.ankleNear[0]).toBeLessThan(j.pelvis[0] - 60);
    expect(slope(j.pelvis, j.neck)).toBeLessThan(10);
  });
});

describe("child's pose", () => {
  const { byLabel } = solved("childs-pose");

  it("kneels with the hips sitting back near the heels, arms forward on the floor and head low", () => {
    const rest = byLabel("Sit back");
    const j = rest.joints;
    expect(surface(rest, "kneeNear")).toBeLessThan(ON_FLOOR);
    expect(distance(j.hipNear, j.heelNear)).toBeLessThan(25);
    expect(j.handNear[0]).toBeGreaterThan(j.head[0] + 10);
    expect(surface(rest, "handNear")).toBeLessThan(ON_FLOOR);
    expect(surface(rest, "head")).toBeLessThan(8);
    expect(angleAt(j.hipNear, j.kneeNear, j.ankleNear)).toBeLessThan(40);
  });
});

describe("side-lying leg lift", () => {
  const { byLabel } = solved("side-lying-leg-lift");

  it("lies on one side and lifts the straight top leg well above the bottom one", () => {
    const start = byLabel("Start");
    const lift = byLabel("Lift");
    for (const s of [start, lift]) {
      expect(s.joints.shoulderNear[1] - s.joints.shoulderFar[1]).toBeGreaterThan(25);
      expect(surface(s, "ankleFar")).toBeLessThan(ON_FLOOR + 2);
    }
    expect(lift.joints.ankleNear[1] - start.joints.ankleNear[1]).toBeGreaterThan(30);
    expect(angleAt(lift.joints.hipNear, lift.joints.kneeNear, lift.joints.ankleNear)).toBeGreaterThan(170);
    // Only the leg moves.
    expect(distance(lift.joints.head, start.joints.head)).toBeLessThan(1);
  });
});

describe("rotations", () => {
  it("lower-back rotation drops both knees to the same side with the shoulders flat", () => {
    const { byLabel } = solved("lower-back-rotation");
    const start = byLabel("Start");
    const side = byLabel("Knees to one side");
    const offset = (s: typeof side, knee: "kneeNear" | "kneeFar") => s.joints[knee][2] - s.joints.pelvis[2];
    expect(Math.abs(offset(start, "kneeNear") + offset(start, "kneeFar"))).toBeLessThan(2);
    expect(offset(side, "kneeNear")).toBeGreaterThan(15);
    expect(offset(side, "kneeFar")).toBeGreaterThan(15);
    expect(side.joints.kneeNear[1]).toBeLessThan(start.joints.kneeNear[1] - 15);
    expect(Math.abs(side.joints.shoulderNear[1] - side.joints.shoulderFar[1])).toBeLessThan(5);
    expect(surface(side, "neck")).toBeLessThan(ON_FLOOR);
  });

  it("seated rotation turns the shoulders and keeps the hips facing forward", () => {
    const { byLabel } = solved("seated-rotation");
    const start = byLabel("Start");
    const turn = byLabel("Turn");
    const hips = (s: typeof turn) => heading(s.joints.hipFar, s.joints.hipNear);
    const shoulders = (s: typeof turn) => heading(s.joints.shoulderFar, s.joints.shoulderNear);
    expect(angleBetween(hips(start), hips(turn))).toBeLessThan(2);
    expect(angleBetween(shoulders(start), hips(start))).toBeLessThan(5);
    expect(angleBetween(shoulders(turn), hips(turn))).toBeGreaterThan(30);
    expect(surface(turn, "pelvis")).toBeGreaterThan(35);
    // The opposite hand rests on the thigh just above the knee.
    expect(distance(turn.joints.handFar, turn.joints.kneeNear)).toBeLessThan(20);
  });

  it("seated torso twist turns towards the raised knee with the elbow against it", () => {
    const { byLabel } = solved("seated-torso-twist");
    const start = byLabel("Start");
    const twist = byLabel("Twist");
    const hips = (s: typeof twist) => heading(s.joints.hipFar, s.joints.hipNear);
    const shoulders = (s: typeof twist) => heading(s.joints.shoulderFar, s.joints.shoulderNear);
    expect(angleBetween(shoulders(twist), hips(twist))).toBeGreaterThan(30);
    expect(angleBetween(shoulders(start), hips(start))).toBeLessThan(5);
    expect(surface(twist, "kneeFar")).toBeGreaterThan(25);
    expect(surface(twist, "heelNear")).toBeLessThan(ON_FLOOR);
    expect(angleAt(twist.joints.hipNear, twist.joints.kneeNear, twist.joints.ankleNear)).toBeGreaterThan(170);
    expect(distance(twist.joints.elbowNear, twist.joints.kneeFar)).toBeLessThan(12);
    expect(surface(twist, "handFar")).toBeLessThan(ON_FLOOR + 2);
  });
});

describe("lying on the back", () => {
  it("knee-to-chest pulls one knee in with the hands while the other foot stays flat", () => {
    const { byLabel } = solved("knee-to-chest");
    const start = byLabel("Start");
    const hug = byLabel("Hug knee");
    expect(distance(hug.joints.kneeNear, hug.joints.neck)).toBeLessThan(distance(start.joints.kneeNear, start.joints.neck) - 15);
    expect(distance(hug.joints.handNear, hug.joints.kneeNear)).toBeLessThan(15);
    expect(surface(hug, "heelFar")).toBeLessThan(ON_FLOOR);
    expect(surface(hug, "toeFar")).toBeLessThan(ON_FLOOR);
  });

  it("partial curl lifts only the head and shoulders", () => {
    const { byLabel } = solved("partial-curl");
    const curl = byLabel("Curl up");
    expect(surface(curl, "neck")).toBeGreaterThan(4);
    expect(surface(curl, "neck")).toBeLessThan(15);
    expect(surface(curl, "pelvis")).toBeLessThan(ON_FLOOR);
    expect(surface(byLabel("Start"), "neck")).toBeLessThan(ON_FLOOR);
  });

  it("pelvic tilt arches the lower back off the floor and then flattens it", () => {
    const { byLabel } = solved("pelvic-tilt");
    expect(surface(byLabel("Arch"), "waist")).toBeGreaterThan(3);
    expect(surface(byLabel("Flatten"), "waist")).toBeLessThan(1);
  });

  it("draw-in ends with the lower back flat and the feet where they were", () => {
    const { byLabel } = solved("draw-in");
    const drawn = byLabel("Draw in");
    expect(surface(drawn, "waist")).toBeLessThan(1);
    expect(distance(drawn.joints.heelNear, byLabel("Breathe in").joints.heelNear)).toBeLessThan(1);
  });
});

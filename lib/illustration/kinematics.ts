import type { JointRotation, LimbAngles, Pose, PoseSet } from "./pose-schema";
import { JOINT_RADIUS, LENGTHS, RADII, type JointName } from "./skeleton";

/**
 * Forward kinematics: joint angles to joint positions in centimetres. World axes: x along
 * the floor (right in the side view), y up from the floor, z towards the side-view viewer.
 * Each body part carries a frame: x its front, y along it (away from its parent), z = x × y.
 */
export type Vec3 = [number, number, number];
type Frame = { x: Vec3; y: Vec3; z: Vec3 };

const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const scale = (a: Vec3, k: number): Vec3 => [a[0] * k, a[1] * k, a[2] * k];
const along = (from: Vec3, direction: Vec3, distance: number) => add(from, scale(direction, distance));
const neg = (a: Vec3): Vec3 => [-a[0], -a[1], -a[2]];
const rad = (deg: number) => (deg * Math.PI) / 180;

function rotZ(f: Frame, deg: number): Frame {
  const c = Math.cos(rad(deg));
  const s = Math.sin(rad(deg));
  return { x: add(scale(f.x, c), scale(f.y, s)), y: add(scale(f.x, -s), scale(f.y, c)), z: f.z };
}
function rotX(f: Frame, deg: number): Frame {
  const c = Math.cos(rad(deg));
  const s = Math.sin(rad(deg));
  return { x: f.x, y: add(scale(f.y, c), scale(f.z, s)), z: add(scale(f.y, -s), scale(f.z, c)) };
}
function rotY(f: Frame, deg: number): Frame {
  const c = Math.cos(rad(deg));
  const s = Math.sin(rad(deg));
  return { x: add(scale(f.x, c), scale(f.z, -s)), y: f.y, z: add(scale(f.z, c), scale(f.x, s)) };
}

/** A turn about the world's vertical: negative brings the body's front towards the viewer. */
function turnFrame(f: Frame, deg: number): Frame {
  if (deg === 0) return f;
  const c = Math.cos(rad(deg));
  const s = Math.sin(rad(deg));
  const turn = (v: Vec3): Vec3 => [v[0] * c + v[2] * s, v[1], -v[0] * s + v[2] * c];
  return { x: turn(f.x), y: turn(f.y), z: turn(f.z) };
}

/** Flexion bends forward, side bend and twist go towards the near (right) side. */
const spineJoint = (f: Frame, r: JointRotation) => rotY(rotX(rotZ(f, -r.flex), r.abd), -r.rot);

/**
 * A limb hangs from its parent's frame turned upside down, so the limb's z is the body's
 * left. Abduction and outward rotation therefore change sign between right and left.
 */
function limbJoint(parent: Frame, r: JointRotation, sign: 1 | -1): Frame {
  const rest: Frame = { x: parent.x, y: neg(parent.y), z: neg(parent.z) };
  return rotY(rotX(rotZ(rest, -r.flex), -sign * r.abd), sign * r.rot);
}

/** The ankle angle that leaves the sole level, preferring a foot that points forward. */
function flatAnkle(shin: Frame): number {
  const theta = Math.atan2(shin.y[1], shin.x[1]);
  for (const t of [theta, theta + Math.PI]) {
    const soleUp = shin.x[1] * Math.cos(t) + shin.y[1] * Math.sin(t);
    if (soleUp > 0) return ((((t * 180) / Math.PI + 90 + 540) % 360) - 180) as number;
  }
  return 0;
}

export type Joints = Record<JointName, Vec3>;
export type Skeleton = {
  joints: Joints;
  /** Which way the face points, for a nose cue. */
  face: Vec3;
  /** The trunk as a smooth curve from pelvis through waist to neck, as points. */
  spine: Vec3[];
};

/** Angles after constraints are worked out: the body tilt includes floor contact. */
export type SolvedAngles = {
  tilt: number;
  roll: number;
  turn: number;
  spine: Pose["spine"];
  near: Omit<LimbAngles, "ankle"> & { ankle: number };
  far: Omit<LimbAngles, "ankle"> & { ankle: number };
};

function limbPoints(pelvisFrame: Frame, chest: Frame, shoulder: Vec3, hip: Vec3, limb: SolvedAngles["near"], sign: 1 | -1, flat: boolean) {
  const arm = limbJoint(chest, limb.shoulder, sign);
  const elbow = along(shoulder, arm.y, LENGTHS.upperArm);
  const forearm = rotZ(arm, -limb.elbow);
  const hand = along(elbow, forearm.y, LENGTHS.forearm);
  const thigh = limbJoint(pelvisFrame, limb.hip, sign);
  const knee = along(hip, thigh.y, LENGTHS.thigh);
  const shin = rotZ(thigh, limb.knee);
  const ankle = along(knee, shin.y, LENGTHS.shin);
  const ankleAngle = flat ? flatAnkle(shin) : limb.ankle;
  const foot = rotZ(shin, ankleAngle - 90);
  const sole = along(ankle, foot.x, -LENGTHS.ankleHeight);
  return {
    elbow,
    hand,
    knee,
    ankle,
    heel: along(sole, foot.y, -LENGTHS.heelBack),
    toe: along(sole, foot.y, LENGTHS.toeForward),
    ankleAngle,
  };
}

/** Joint positions for the angles, pelvis at the origin, before the figure meets the floor. */
export function forwardKinematics(a: SolvedAngles, flat: { near: boolean; far: boolean } = { near: false, far: false }) {
  const pelvisFrame = turnFrame(rotY(rotZ({ x: [1, 0, 0], y: [0, 1, 0], z: [0, 0, 1] }, a.tilt), a.roll), a.turn);
  const pelvis: Vec3 = [0, 0, 0];
  const hipCentre = along(along(pelvis, pelvisFrame.y, -LENGTHS.hipDrop), pelvisFrame.x, LENGTHS.hipForward);
  const lumbar = spineJoint(pelvisFrame, a.spine.lumbar);
  const waist = along(pelvis, lumbar.y, LENGTHS.lumbar);
  const chest = spineJoint(lumbar, a.spine.thoracic);
  const neck = along(waist, chest.y, LENGTHS.thoracic);
  const shoulderCentre = along(along(neck, chest.y, -LENGTHS.shoulderDrop), chest.x, LENGTHS.shoulderForward);
  const head = spineJoint(chest, a.spine.neck);
  const near = {
    shoulder: along(shoulderCentre, chest.z, LENGTHS.shoulderHalfWidth),
    hip: along(hipCentre, pelvisFrame.z, LENGTHS.hipHalfWidth),
  };
  const far = {
    shoulder: along(shoulderCentre, chest.z, -LENGTHS.shoulderHalfWidth),
    hip: along(hipCentre, pelvisFrame.z, -LENGTHS.hipHalfWidth),
  };
  const n = limbPoints(pelvisFrame, chest, near.shoulder, near.hip, a.near, 1, flat.near);
  const f = limbPoints(pelvisFrame, chest, far.shoulder, far.hip, a.far, -1, flat.far);
  const joints: Joints = {
    pelvis,
    waist,
    neck,
    head: along(neck, head.y, LENGTHS.neck + LENGTHS.headOffset),
    shoulderNear: near.shoulder,
    shoulderFar: far.shoulder,
    elbowNear: n.elbow,
    elbowFar: f.elbow,
    handNear: n.hand,
    handFar: f.hand,
    hipNear: near.hip,
    hipFar: far.hip,
    kneeNear: n.knee,
    kneeFar: f.knee,
    ankleNear: n.ankle,
    ankleFar: f.ankle,
    heelNear: n.heel,
    heelFar: f.heel,
    toeNear: n.toe,
    toeFar: f.toe,
  };
  return { joints, face: head.x, ankles: { near: n.ankleAngle, far: f.ankleAngle } };
}

/** The trunk drawn as a quadratic curve that passes through the waist. */
function spineCurve(j: Joints, steps = 8): Vec3[] {
  const control = sub(scale(j.waist, 2), scale(add(j.pelvis, j.neck), 0.5));
  const points: Vec3[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    points.push(add(add(scale(j.pelvis, u * u), scale(control, 2 * u * t)), scale(j.neck, t * t)));
  }
  return points;
}

/** Every round-ended piece of the body as drawn: what can touch the floor. */
export type Capsule = { a: Vec3; b: Vec3; r: number };

export function bodyCapsules(s: Skeleton): Capsule[] {
  const j = s.joints;
  const capsules: Capsule[] = [];
  for (let i = 1; i < s.spine.length; i++) capsules.push({ a: s.spine[i - 1]!, b: s.spine[i]!, r: RADII.trunk });
  capsules.push(
    { a: j.hipNear, b: j.hipFar, r: RADII.hipBar },
    { a: j.shoulderNear, b: j.shoulderFar, r: RADII.shoulderBar },
    { a: j.neck, b: j.head, r: RADII.neck },
    { a: j.head, b: j.head, r: RADII.head },
  );
  for (const s of ["Near", "Far"] as const) {
    capsules.push(
      { a: j[`shoulder${s}`], b: j[`elbow${s}`], r: RADII.upperArm },
      { a: j[`elbow${s}`], b: j[`hand${s}`], r: RADII.forearm },
      { a: j[`hand${s}`], b: j[`hand${s}`], r: RADII.hand },
      { a: j[`hip${s}`], b: j[`knee${s}`], r: RADII.thigh },
      { a: j[`knee${s}`], b: j[`ankle${s}`], r: RADII.shin },
      { a: j[`ankle${s}`], b: j[`heel${s}`], r: RADII.foot },
      { a: j[`heel${s}`], b: j[`toe${s}`], r: RADII.foot },
    );
  }
  return capsules;
}

/** The lowest point of the body's surface; 0 when it rests on the floor. */
export function lowestPoint(s: Skeleton): number {
  let low = Infinity;
  for (const c of bodyCapsules(s)) low = Math.min(low, c.a[1] - c.r, c.b[1] - c.r);
  return low;
}

/** A pose reduced to numbers, plus the constraints to re-apply at every frame. */
export type KeyPose = {
  angles: SolvedAngles;
  x: number;
  contacts: readonly [JointName, JointName] | null;
  flat: { near: boolean; far: boolean };
};

export function toKeyPose(pose: Pose): KeyPose {
  const flat = { near: pose.near.ankle === "flat", far: pose.far.ankle === "flat" };
  const angles: SolvedAngles = {
    tilt: pose.root.tilt,
    roll: pose.root.roll,
    turn: pose.root.turn,
    spine: pose.spine,
    near: { ...pose.near, ankle: pose.near.ankle === "flat" ? 0 : pose.near.ankle },
    far: { ...pose.far, ankle: pose.far.ankle === "flat" ? 0 : pose.far.ankle },
  };
  const key: KeyPose = { angles, x: pose.root.x, contacts: pose.contacts ?? null, flat };
  // Settle the constraints once so that key poses carry the real tilt and ankle angles,
  // which is what a frame between two poses with different constraints blends.
  const settled = settle(key);
  return { ...key, angles: settled.angles };
}

/**
 * Tilts the body (about the viewer's line of sight) until both contact joints touch the
 * same level, and works out level-sole ankles. A few rounds, because a level foot moves
 * the heel that may itself be a contact.
 */
function settle(key: KeyPose): { angles: SolvedAngles; joints: Joints; face: Vec3 } {
  // Contacts are solved in the body's own side view; turning about the vertical changes no heights.
  let angles = { ...key.angles, turn: 0 };
  let result = forwardKinematics(angles, key.flat);
  for (let round = 0; round < 4; round++) {
    angles = { ...angles, near: { ...angles.near, ankle: result.ankles.near }, far: { ...angles.far, ankle: result.ankles.far } };
    if (!key.contacts) break;
    const [a, b] = key.contacts;
    const pa = result.joints[a];
    const pb = result.joints[b];
    const dx = pb[0] - pa[0];
    const dy = pb[1] - pa[1];
    const length = Math.hypot(dx, dy);
    if (length < 1e-6) break;
    const wanted = Math.asin(Math.max(-1, Math.min(1, (JOINT_RADIUS[b] - JOINT_RADIUS[a]) / length)));
    const target = dx >= 0 ? wanted : Math.PI - wanted;
    let turn = ((target - Math.atan2(dy, dx)) * 180) / Math.PI;
    turn = ((turn + 540) % 360) - 180;
    angles = { ...angles, tilt: angles.tilt + turn };
    result = forwardKinematics(angles, key.flat);
    if (Math.abs(turn) < 1e-4) break;
  }
  angles = { ...angles, turn: key.angles.turn };
  if (angles.turn !== 0) result = forwardKinematics(angles, key.flat);
  return { angles, joints: result.joints, face: result.face };
}

/** Places a key pose (or a blend of two) on the floor with the anchor joint at x. */
export function solveKeyPose(key: KeyPose, anchor: JointName): Skeleton {
  const { joints, face } = settle(key);
  const first = { joints, face, spine: spineCurve(joints) };
  const lift = -lowestPoint(first);
  const shift: Vec3 = [key.x - joints[anchor][0], lift, 0];
  const moved = Object.fromEntries(Object.entries(joints).map(([name, p]) => [name, add(p, shift)])) as Joints;
  return { joints: moved, face, spine: spineCurve(moved) };
}

const lerp = (a: number, b: number, t: number) => a + (b - a) * t;
const lerpRotation = (a: JointRotation, b: JointRotation, t: number): JointRotation => ({
  flex: lerp(a.flex, b.flex, t),
  abd: lerp(a.abd, b.abd, t),
  rot: lerp(a.rot, b.rot, t),
});
const lerpLimb = (a: SolvedAngles["near"], b: SolvedAngles["near"], t: number): SolvedAngles["near"] => ({
  shoulder: lerpRotation(a.shoulder, b.shoulder, t),
  elbow: lerp(a.elbow, b.elbow, t),
  hip: lerpRotation(a.hip, b.hip, t),
  knee: lerp(a.knee, b.knee, t),
  ankle: lerp(a.ankle, b.ankle, t),
});

const sameContacts = (a: KeyPose["contacts"], b: KeyPose["contacts"]) => a !== null && b !== null && a[0] === b[0] && a[1] === b[1];

/**
 * A pose part-way between two key poses. Constraints that both ends share (the same two
 * floor contacts, a level sole) hold throughout; the rest blend from their solved values.
 */
export function blendKeyPoses(a: KeyPose, b: KeyPose, t: number): KeyPose {
  return {
    angles: {
      tilt: lerp(a.angles.tilt, b.angles.tilt, t),
      roll: lerp(a.angles.roll, b.angles.roll, t),
      turn: lerp(a.angles.turn, b.angles.turn, t),
      spine: {
        lumbar: lerpRotation(a.angles.spine.lumbar, b.angles.spine.lumbar, t),
        thoracic: lerpRotation(a.angles.spine.thoracic, b.angles.spine.thoracic, t),
        neck: lerpRotation(a.angles.spine.neck, b.angles.spine.neck, t),
      },
      near: lerpLimb(a.angles.near, b.angles.near, t),
      far: lerpLimb(a.angles.far, b.angles.far, t),
    },
    x: lerp(a.x, b.x, t),
    contacts: sameContacts(a.contacts, b.contacts) ? a.contacts : null,
    flat: { near: a.flat.near && b.flat.near, far: a.flat.far && b.flat.far },
  };
}

/** Every key pose of a set, placed on the floor. */
export function solvePoseSet(set: PoseSet): Skeleton[] {
  return set.poses.map((pose) => solveKeyPose(toKeyPose(pose), set.anchor));
}

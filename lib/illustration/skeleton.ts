/**
 * The figure every illustration is drawn with: one set of proportions for every exercise,
 * so a patient sees the same person throughout their programme. Units are centimetres of
 * an adult about 1.72 m tall; the drawing maps 1 cm to 1 viewBox unit.
 *
 * "Near" limbs are the body's right side, which faces the viewer when the figure is seen
 * from the side facing right (tilt 0, yaw 0). "Far" limbs are the left side.
 */
export const JOINTS = [
  "pelvis",
  "waist",
  "neck",
  "head",
  "shoulderNear",
  "shoulderFar",
  "elbowNear",
  "elbowFar",
  "handNear",
  "handFar",
  "hipNear",
  "hipFar",
  "kneeNear",
  "kneeFar",
  "ankleNear",
  "ankleFar",
  "heelNear",
  "heelFar",
  "toeNear",
  "toeFar",
] as const;

export type JointName = (typeof JOINTS)[number];
export type Side = "near" | "far";

export const LENGTHS = {
  /** Hip joints sit below the pelvis centre and in front of the spine line, as in life. */
  hipDrop: 7,
  hipForward: 3,
  hipHalfWidth: 9,
  lumbar: 22,
  thoracic: 26,
  /** Shoulder joints sit a little below the base of the neck and in front of the spine. */
  shoulderDrop: 3,
  shoulderForward: 0,
  shoulderHalfWidth: 17,
  neck: 8,
  /** From the top of the neck to the centre of the head. */
  headOffset: 9,
  upperArm: 28,
  forearm: 24,
  thigh: 45,
  shin: 42,
  /** Ankle joint above the sole, and heel and toe along the sole. */
  ankleHeight: 5,
  heelBack: 3,
  toeForward: 17,
} as const;

/** Half the drawn thickness of each part; also what touches the floor. */
export const RADII = {
  trunk: 9.5,
  hipBar: 6.5,
  shoulderBar: 5.5,
  neck: 4.2,
  head: 10.5,
  upperArm: 4.6,
  forearm: 4,
  hand: 4.4,
  thigh: 6.8,
  shin: 5.2,
  foot: 3.2,
} as const;

/** How far each named joint's surface reaches below its centre (for floor contact): the widest part meeting there. */
export const JOINT_RADIUS: Record<JointName, number> = {
  pelvis: RADII.trunk,
  waist: RADII.trunk,
  neck: RADII.trunk,
  head: RADII.head,
  shoulderNear: RADII.shoulderBar,
  shoulderFar: RADII.shoulderBar,
  elbowNear: RADII.upperArm,
  elbowFar: RADII.upperArm,
  handNear: RADII.hand,
  handFar: RADII.hand,
  hipNear: Math.max(RADII.hipBar, RADII.thigh),
  hipFar: Math.max(RADII.hipBar, RADII.thigh),
  kneeNear: RADII.thigh,
  kneeFar: RADII.thigh,
  ankleNear: RADII.shin,
  ankleFar: RADII.shin,
  heelNear: RADII.foot,
  heelFar: RADII.foot,
  toeNear: RADII.foot,
  toeFar: RADII.foot,
};

/**
 * Joint pairs joined by a rigid bone, with the length they must keep in every pose.
 * The figure's proportions are right exactly when all of these hold.
 */
export const BONES: ReadonlyArray<readonly [JointName, JointName, number]> = [
  ["pelvis", "waist", LENGTHS.lumbar],
  ["waist", "neck", LENGTHS.thoracic],
  ["neck", "head", LENGTHS.neck + LENGTHS.headOffset],
  ["hipNear", "hipFar", 2 * LENGTHS.hipHalfWidth],
  ["shoulderNear", "shoulderFar", 2 * LENGTHS.shoulderHalfWidth],
  ...(["Near", "Far"] as const).flatMap(
    (s) =>
      [
        [`shoulder${s}`, `elbow${s}`, LENGTHS.upperArm],
        [`elbow${s}`, `hand${s}`, LENGTHS.forearm],
        [`hip${s}`, `knee${s}`, LENGTHS.thigh],
        [`knee${s}`, `ankle${s}`, LENGTHS.shin],
        [`heel${s}`, `toe${s}`, LENGTHS.heelBack + LENGTHS.toeForward],
        [`ankle${s}`, `heel${s}`, Math.hypot(LENGTHS.ankleHeight, LENGTHS.heelBack)],
      ] as const,
  ),
];

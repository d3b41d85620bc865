import { z } from "zod";
import { JOINTS } from "./skeleton";

/**
 * The shape of one file in content/poses/. Angles are in degrees, anatomical where a
 * physiotherapist would expect (hip flexion, knee flexion, shoulder abduction). Limits
 * are generous joint ranges, so a typo such as 900 instead of 90 is caught at load time.
 */
export const VIEWS = ["side", "top"] as const;
export const PROPS = ["mat", "chair", "towel", "ball", "block"] as const;
const CYCLES = ["back-and-forth", "loop"] as const;

const degrees = (min: number, max: number, what: string) =>
  z
    .number({ error: `must be a number of degrees (${what})` })
    .min(min, `must be at least ${min} degrees (${what})`)
    .max(max, `must be at most ${max} degrees (${what})`);

type Range = [number, number];
const NEUTRAL = { flex: 0, abd: 0, rot: 0 };

/**
 * A joint that turns three ways; a bare number means flexion only. Limbs name the other
 * two abd (away from the midline) and rot (outward rotation); spine segments name them
 * side (bend) and twist, both towards the near side. Both normalise to {flex, abd, rot}.
 */
function rotation(what: string, flex: Range, second: Range, third: Range, spine = false) {
  const [secondKey, thirdKey] = spine ? (["side", "twist"] as const) : (["abd", "rot"] as const);
  const flexion = degrees(flex[0], flex[1], `${what} flexion`);
  const full = z
    .object({
      flex: flexion,
      [secondKey]: degrees(second[0], second[1], `${what} ${spine ? "side bend" : "abduction"}`).optional(),
      [thirdKey]: degrees(third[0], third[1], `${what} ${spine ? "twist" : "outward rotation"}`).optional(),
    })
    .strict();
  return z.union([flexion, full]).transform((value) => {
    if (typeof value === "number") return { ...NEUTRAL, flex: value };
    const record = value as Record<string, number | undefined>;
    return { flex: value.flex as number, abd: record[secondKey] ?? 0, rot: record[thirdKey] ?? 0 };
  });
}

const spineSegment = (what: string, flex: Range, side: Range, twist: Range) => rotation(what, flex, side, twist, true);

const limbSchema = z
  .object({
    shoulder: rotation("shoulder", [-60, 200], [-30, 180], [-90, 100]),
    elbow: degrees(0, 160, "elbow flexion"),
    hip: rotation("hip", [-40, 150], [-45, 80], [-60, 60]),
    knee: degrees(0, 165, "knee flexion"),
    /** Plantarflexion (toes pointing down the shin); "flat" rests the sole on the floor. */
    ankle: z.union([degrees(-30, 90, "ankle plantarflexion"), z.literal("flat")], {
      error: 'must be degrees of plantarflexion or "flat"',
    }),
  })
  .strict();

const jointName = z.enum(JOINTS, { error: `must be one of ${JOINTS.join(", ")}` });

const arrowSchema = z
  .object({
    /** The joint the arrow sits beside, after the figure is placed on the floor. */
    at: jointName,
    /** From the joint to the middle of the arrow, in cm, x to the right and y up. */
    offset: z.tuple([z.number().min(-100).max(100), z.number().min(-100).max(100)]).default([0, 0]),
    /** Which way it points: 0 is right, 90 is up. */
    direction: degrees(-360, 360, "arrow direction"),
    length: z.number().min(4).max(120),
    /** How much the arrow curves: degrees of arc, positive turning anticlockwise. */
    bend: degrees(-300, 300, "arrow bend").default(0),
    /** Heads at both ends, for a rocking or to-and-fro movement. */
    both: z.boolean().default(false),
  })
  .strict();

const poseSchema = z
  .object({
    label: z.string().trim().min(1).max(30),
    /** One plain sentence for the text alternative: what the body is doing. */
    description: z.string().trim().min(3).max(200),
    /** Relative time to move into this pose from the one before. */
    weight: z.number().positive().max(10).default(1),
    /** The programme's hold happens here (the last pose when none is marked). */
    hold: z.boolean().default(false),
    /** false: an in-between pose that guides the animation (a knee lifting clear of the floor) and is not shown as a still. */
    still: z.boolean().default(true),
    root: z
      .object({
        /** Whole-body tilt in the side view: 0 upright, 90 lying on the back head-left, -90 face down head-right. */
        tilt: degrees(-180, 180, "body tilt"),
        /** Roll about the body's long axis: lying on one side, or the pelvis rolling as the knees drop. */
        roll: degrees(-180, 180, "body roll").default(0),
        /** Turn about the vertical, applied last: 0 shows the side, -90 the front. */
        turn: degrees(-180, 180, "body turn").default(0),
        /** Where the set's anchor joint sits, in cm. */
        x: z.number().min(-100).max(100).default(0),
      })
      .strict(),
    /** Two joints that rest on the floor; the body tilt is adjusted so both touch. */
    contacts: z
      .tuple([jointName, jointName])
      .refine(([a, b]) => a !== b, "must name two different joints")
      .optional(),
    spine: z
      .object({
        lumbar: spineSegment("lumbar", [-40, 60], [-40, 40], [-60, 60]).default(NEUTRAL),
        thoracic: spineSegment("thoracic", [-40, 60], [-40, 40], [-60, 60]).default(NEUTRAL),
        neck: spineSegment("neck", [-60, 70], [-40, 40], [-80, 80]).default(NEUTRAL),
      })
      .strict()
      .default({ lumbar: NEUTRAL, thoracic: NEUTRAL, neck: NEUTRAL }),
    near: limbSchema,
    /** Left out when the far limbs mirror the near ones. */
    far: limbSchema.optional(),
    arrows: z.array(arrowSchema).max(4).default([]),
  })
  .strict()
  .transform((pose) => ({ ...pose, far: pose.far ?? pose.near }));

export const poseSetSchema = z
  .object({
    view: z.enum(VIEWS, { error: `must be one of ${VIEWS.join(", ")}` }),
    props: z.array(z.enum(PROPS, { error: `must be one of ${PROPS.join(", ")}` })).default([]),
    /** The joint that stays put from pose to pose (a planted heel, a knee on the mat). */
    anchor: jointName.default("pelvis"),
    /** back-and-forth: out through the poses and back; loop: through them and straight to the start. */
    cycle: z.enum(CYCLES).default("back-and-forth"),
    poses: z.array(poseSchema).min(2, "needs at least a start and an end pose").max(6),
  })
  .strict()
  .superRefine((set, ctx) => {
    for (const index of [0, set.poses.length - 1]) {
      if (set.poses[index]?.still === false)
        ctx.addIssue({ code: "custom", path: ["poses", index, "still"], message: "the first and last poses are always shown" });
    }
    const seen = new Set<string>();
    set.poses.forEach((pose, index) => {
      if (seen.has(pose.label))
        ctx.addIssue({ code: "custom", path: ["poses", index, "label"], message: `"${pose.label}" is used by an earlier pose` });
      seen.add(pose.label);
    });
  });

export type PoseSet = z.output<typeof poseSetSchema>;
export type Pose = PoseSet["poses"][number];
export type LimbAngles = Pose["near"];
export type JointRotation = LimbAngles["hip"];
export type Arrow = Pose["arrows"][number];
export type PropName = (typeof PROPS)[number];
export type View = (typeof VIEWS)[number];

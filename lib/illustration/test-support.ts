/** Shared by the illustration tests: the real catalogue and a few geometric measures. */
import path from "node:path";
import { loadExercises } from "@/lib/catalogue/load-content";
import { solvePoseSet, type Skeleton, type Vec3 } from "./kinematics";
import { loadPoseSets } from "./load-poses";
import type { PoseSet } from "./pose-schema";
import { JOINT_RADIUS, type JointName } from "./skeleton";

/** The real catalogue, read once for every illustration test. */
export const catalogue = loadExercises(path.join(process.cwd(), "content", "exercises"));
export const poseSets = loadPoseSets();

export function setFor(slug: string): PoseSet {
  const set = poseSets.get(slug);
  if (!set) throw new Error(`no pose set for ${slug}`);
  return set;
}

export function solved(slug: string): { set: PoseSet; poses: Skeleton[]; byLabel: (label: string) => Skeleton } {
  const set = setFor(slug);
  const poses = solvePoseSet(set);
  return {
    set,
    poses,
    byLabel: (label) => {
      const index = set.poses.findIndex((p) => p.label === label);
      if (index < 0) throw new Error(`${slug} has no pose "${label}"`);
      return poses[index]!;
    },
  };
}

/** Height of a joint's surface above the floor, in cm. */
export const surface = (s: Skeleton, joint: JointName) => s.joints[joint][1] - JOINT_RADIUS[joint];

export const distance = (a: Vec3, b: Vec3) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** Angle in degrees at b between b→a and b→c. */
export function angleAt(a: Vec3, b: Vec3, c: Vec3): number {
  const u = [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
  const v = [c[0] - b[0], c[1] - b[1], c[2] - b[2]];
  const dot = u[0]! * v[0]! + u[1]! * v[1]! + u[2]! * v[2]!;
  return (Math.acos(Math.max(-1, Math.min(1, dot / (Math.hypot(...u) * Math.hypot(...v))))) * 180) / Math.PI;
}

/** Degrees between a segment and the floor. */
export function slope(a: Vec3, b: Vec3): number {
  return (Math.atan2(Math.abs(b[1] - a[1]), Math.hypot(b[0] - a[0], b[2] - a[2])) * 180) / Math.PI;
}

export const LYING = new Set(["supine", "prone", "side-lying", "quadruped", "kneeling"]);

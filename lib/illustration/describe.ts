import type { PoseSet } from "./pose-schema";

/**
 * Text alternatives. The pose descriptions are written for people, so the figure's
 * alternative reads as a sentence a screen reader user can act on.
 */
export function describePose(set: PoseSet, index: number, name?: string): string {
  const pose = set.poses[index];
  if (!pose) return name ?? "Exercise illustration";
  return `${name ? `${name}, ` : ""}${pose.label.toLowerCase()}: ${pose.description}`;
}

export function describeMovement(set: PoseSet, name?: string): string {
  const steps = set.poses.map((p, i) => `${i + 1}. ${p.label}: ${p.description}`).join(" ");
  return `${name ? `${name}, ` : ""}shown in ${set.poses.length} steps. ${steps}`;
}

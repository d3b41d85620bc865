import { keyPoses } from "./drawing";
import type { PoseSet } from "./pose-schema";

/**
 * Text alternatives. The pose descriptions are written for people, so the figure's
 * alternative reads as a sentence a screen reader user can act on.
 */
export function describePose(set: PoseSet, keyIndex: number, name?: string): string {
  const pose = keyPoses(set)[keyIndex];
  if (!pose) return name ?? "Exercise illustration";
  return `${name ? `${name}, ` : ""}${pose.label.toLowerCase()}: ${pose.description}`;
}

export function describeMovement(set: PoseSet, name?: string): string {
  const stills = keyPoses(set);
  const steps = stills.map((p, i) => `${i + 1}. ${p.label}: ${p.description}`).join(" ");
  return `${name ? `${name}, ` : ""}shown in ${stills.length} steps. ${steps}`;
}

import type { PoseChoice } from "@/lib/illustration/drawing";
import { getPoseSet } from "@/lib/illustration/load-poses";
import type { PoseSet } from "@/lib/illustration/pose-schema";
import { FigurePlaceholder } from "./figure-placeholder";
import { PoseStill, PoseStrip } from "./figure-svg";

/**
 * Server components: give either the catalogue slug (a custom exercise passes the pose
 * slug it reuses, or null) or a pose set already loaded. No illustration shows the
 * neutral placeholder in the same box.
 */
type Source = { slug?: string | null; poseSet?: PoseSet | null };

function resolve({ slug, poseSet }: Source): PoseSet | null {
  return poseSet !== undefined ? poseSet : getPoseSet(slug);
}

/** One still key pose (by default the one where the hold happens), with its movement arrows. */
export function ExerciseFigure({
  name,
  pose = "hold",
  arrows = true,
  className = "",
  ...source
}: Source & { name?: string; pose?: PoseChoice; arrows?: boolean; className?: string }) {
  const poseSet = resolve(source);
  if (!poseSet) return <FigurePlaceholder className={className} />;
  return <PoseStill poseSet={poseSet} pose={pose} name={name} arrows={arrows} className={className} />;
}

/** All key poses side by side with numbered labels. */
export function ExercisePoseStrip({
  name,
  arrows = true,
  className = "",
  ...source
}: Source & { name?: string; arrows?: boolean; className?: string }) {
  const poseSet = resolve(source);
  if (!poseSet) return <FigurePlaceholder className={className} />;
  return <PoseStrip poseSet={poseSet} name={name} arrows={arrows} className={className} />;
}

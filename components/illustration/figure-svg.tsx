import { drawKeyPoses, keyPoses, poseIndex, type Drawing, type PoseChoice } from "@/lib/illustration/drawing";
import { describePose } from "@/lib/illustration/describe";
import { drawingElements, viewBoxOf, WEB_KIT } from "@/lib/illustration/elements";
import type { PoseSet } from "@/lib/illustration/pose-schema";

/**
 * Presentational pieces shared by the server figure and the client animation (no hooks,
 * no server imports). A fixed viewBox plus an aspect-ratio box reserves the space before
 * anything paints, so nothing moves when the figure arrives.
 */
export function FigureSvg({ drawing, label, className = "" }: { drawing: Drawing; label: string; className?: string }) {
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={viewBoxOf(drawing)}
      width={drawing.width}
      height={drawing.height}
      className={`block h-auto w-full ${className}`}
      style={{ aspectRatio: `${drawing.width} / ${drawing.height}` }}
    >
      {drawingElements(drawing, WEB_KIT)}
    </svg>
  );
}

export function PoseStill({
  poseSet,
  pose = "hold",
  name,
  arrows = true,
  className,
}: {
  poseSet: PoseSet;
  pose?: PoseChoice;
  name?: string;
  arrows?: boolean;
  className?: string;
}) {
  const index = poseIndex(poseSet, pose);
  const drawing = drawKeyPoses(poseSet, { arrows })[index]!;
  return <FigureSvg drawing={drawing} label={describePose(poseSet, index, name)} className={className} />;
}

/** Every key pose in order with its label: two to a row on a phone, all in one row on a wider screen. */
export function PoseStrip({
  poseSet,
  name,
  arrows = true,
  className = "",
}: {
  poseSet: PoseSet;
  name?: string;
  arrows?: boolean;
  className?: string;
}) {
  const drawings = drawKeyPoses(poseSet, { arrows });
  const stills = keyPoses(poseSet);
  const columns = stills.length >= 3 ? "grid-cols-2 sm:grid-cols-3" : "grid-cols-2";
  return (
    <ol className={`grid gap-3 ${columns} ${className}`}>
      {stills.map((pose, index) => (
        <li key={pose.label}>
          <figure>
            <FigureSvg drawing={drawings[index]!} label={describePose(poseSet, index, name)} className="rounded-lg border border-line" />
            <figcaption className="mt-1 text-sm text-muted">
              <span className="font-bold text-ink">{index + 1}.</span> {pose.label}
            </figcaption>
          </figure>
        </li>
      ))}
    </ol>
  );
}

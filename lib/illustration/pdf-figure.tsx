import { Circle, Line, Path, Rect, Svg } from "@react-pdf/renderer";
import { drawPose, drawPoseStrip, type PoseChoice } from "./drawing";
import { drawingElements, viewBoxOf, type SvgKit } from "./elements";
import type { PoseSet } from "./pose-schema";

/** react-pdf's SVG primitives, standing in for the browser's in the one shared mapping. */
export const PDF_KIT: SvgKit = { line: Line, circle: Circle, path: Path, rect: Rect };

/** One key pose for the handout, `width` points wide (height follows the fixed aspect ratio). */
export function PdfExerciseFigure({
  poseSet,
  pose = "hold",
  width = 150,
  arrows = true,
}: {
  poseSet: PoseSet;
  pose?: PoseChoice;
  width?: number;
  arrows?: boolean;
}) {
  const drawing = drawPose(poseSet, pose, { arrows });
  return (
    <Svg viewBox={viewBoxOf(drawing)} width={width} height={(width * drawing.height) / drawing.width}>
      {drawingElements(drawing, PDF_KIT)}
    </Svg>
  );
}

/** Every key pose side by side in a single Svg (one element lays out faster than several). */
export function PdfPoseStrip({ poseSet, width = 300, arrows = true }: { poseSet: PoseSet; width?: number; arrows?: boolean }) {
  const drawing = drawPoseStrip(poseSet, { arrows });
  return (
    <Svg viewBox={viewBoxOf(drawing)} width={width} height={(width * drawing.height) / drawing.width}>
      {drawingElements(drawing, PDF_KIT)}
    </Svg>
  );
}

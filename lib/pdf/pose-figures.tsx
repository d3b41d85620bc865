import { getPoseSet } from "@/lib/illustration/load-poses";
import { PdfExerciseFigure } from "@/lib/illustration/pdf-figure";
import type { RenderFigure } from "./handout";

/** An exercise's key pose from the catalogue's poses, or the placeholder when it has none. */
export const renderPoseFigure: RenderFigure = (poseSlug, width) => {
  const poseSet = getPoseSet(poseSlug);
  return poseSet ? <PdfExerciseFigure poseSet={poseSet} width={width} /> : null;
};

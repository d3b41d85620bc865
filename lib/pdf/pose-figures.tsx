import { View } from "@react-pdf/renderer";
import { getPoseSet } from "@/lib/illustration/load-poses";
import { PdfExerciseFigure } from "@/lib/illustration/pdf-figure";
import type { RenderFigure } from "./handout";
import { PrintedPhoto, VideoQr } from "./handout-media";

/** An exercise's key pose from the catalogue's poses, or the placeholder when it has none. */
const renderPoseFigure: RenderFigure = (poseSlug, width) => {
  const poseSet = getPoseSet(poseSlug);
  return poseSet ? <PdfExerciseFigure poseSet={poseSet} width={width} /> : null;
};

/** The clinic's photo where it has one, else the drawing; an exercise with a video gets a QR code to it on the patient's page. */
export function handoutFigures(photos: Map<string, Buffer>, pageUrl: string): RenderFigure {
  return function MediaFigure(poseSlug, width, item) {
    const photo = item && photos.get(item.exerciseId);
    const picture = photo ? <PrintedPhoto data={photo} width={width} /> : renderPoseFigure(poseSlug, width);
    if (!item?.media?.video) return picture;
    return (
      <View style={{ width, height: "100%" }}>
        {picture}
        <VideoQr url={`${pageUrl}#exercise-${item.position}`} />
      </View>
    );
  };
}

import { AnimatedFigure } from "@/components/illustration/animated-figure";
import { ExerciseFigure } from "@/components/illustration/exercise-figure";
import { getPoseSet } from "@/lib/illustration/load-poses";
import type { ProgrammeView } from "@/lib/programme/view";
import type { ExerciseMediaView } from "@/lib/programme/view";
import { MediaPhoto, MediaVideo } from "./exercise-media";

/** What fills the figure slot: the video, else the first photo, else nothing (the caller draws the figure). */
function exerciseMedia(media: ExerciseMediaView | undefined, options: { autoPlay?: boolean } = {}): React.ReactNode | null {
  if (media?.video) return <MediaVideo media={media} autoPlay={options.autoPlay} />;
  const photo = media?.photos[0];
  return photo ? <MediaPhoto photo={photo} /> : null;
}

/**
 * Still pictures for the follow-along page, keyed by position in the programme: the
 * clinic's own video or photo where it has one (under the page's <MediaBase>), else the
 * drawing.
 */
export function stillFigures(p: ProgrammeView): Record<number, React.ReactNode> {
  return Object.fromEntries(
    p.items.map((item) => [
      item.position,
      exerciseMedia(item.media) ?? <ExerciseFigure key={item.position} slug={item.poseSlug} name={item.name} />,
    ]),
  );
}

/** Moving pictures for the player: the clinic's video (muted, looping, playing), its photo, or the drawing at a steady tempo with the prescribed hold at the top. */
export function animatedFigures(p: ProgrammeView): Record<number, React.ReactNode> {
  return Object.fromEntries(
    p.items.map((item) => [
      item.position,
      exerciseMedia(item.media, { autoPlay: true }) ?? (
        <AnimatedFigure
          key={item.position}
          poseSet={getPoseSet(item.poseSlug)}
          name={item.name}
          tempoSeconds={2.5}
          holdSeconds={Math.min(item.dosage.holdSeconds, 10)}
        />
      ),
    ]),
  );
}

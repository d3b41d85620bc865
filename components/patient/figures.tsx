import { AnimatedFigure } from "@/components/illustration/animated-figure";
import { ExerciseFigure } from "@/components/illustration/exercise-figure";
import { getPoseSet } from "@/lib/illustration/load-poses";
import type { ProgrammeView } from "@/lib/programme/view";
import { exerciseMedia } from "./exercise-media";

/**
 * Still pictures for the follow-along page, keyed by position in the programme: the
 * clinic's own video or photo where it has one, else the drawing. `mediaBase` is where
 * the link serves media.
 */
export function stillFigures(p: ProgrammeView, mediaBase: string): Record<number, React.ReactNode> {
  return Object.fromEntries(
    p.items.map((item) => [
      item.position,
      exerciseMedia(item.media, mediaBase) ?? <ExerciseFigure key={item.position} slug={item.poseSlug} name={item.name} />,
    ]),
  );
}

/** Moving pictures for the player: the clinic's video (muted, looping, playing), its photo, or the drawing at a steady tempo with the prescribed hold at the top. */
export function animatedFigures(p: ProgrammeView, mediaBase: string): Record<number, React.ReactNode> {
  return Object.fromEntries(
    p.items.map((item) => [
      item.position,
      exerciseMedia(item.media, mediaBase, { autoPlay: true }) ?? (
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

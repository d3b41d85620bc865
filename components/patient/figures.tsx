import { AnimatedFigure } from "@/components/illustration/animated-figure";
import { ExerciseFigure } from "@/components/illustration/exercise-figure";
import { getPoseSet } from "@/lib/illustration/load-poses";
import type { ProgrammeView } from "@/lib/programme/view";

/** Still drawings for the follow-along page, keyed by position in the programme. */
export function stillFigures(p: ProgrammeView): Record<number, React.ReactNode> {
  return Object.fromEntries(p.items.map((item) => [item.position, <ExerciseFigure key={item.position} slug={item.poseSlug} name={item.name} />]));
}

/** Moving drawings for the player, at a steady tempo with the prescribed hold at the top. */
export function animatedFigures(p: ProgrammeView): Record<number, React.ReactNode> {
  return Object.fromEntries(
    p.items.map((item) => [
      item.position,
      <AnimatedFigure key={item.position} poseSet={getPoseSet(item.poseSlug)} name={item.name} tempoSeconds={2.5} holdSeconds={Math.min(item.dosage.holdSeconds, 10)} />,
    ]),
  );
}

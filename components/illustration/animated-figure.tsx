"use client";

import { useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { prepareAnimation, stanceSeconds, type Stance } from "@/lib/illustration/animation";
import { describeMovement } from "@/lib/illustration/describe";
import { drawFigure, FIGURE_HEIGHT, FIGURE_WIDTH, frameSet } from "@/lib/illustration/drawing";
import type { PoseSet } from "@/lib/illustration/pose-schema";
import { FigureBeatContext } from "./figure-beat";
import { FigurePlaceholder } from "./figure-placeholder";
import { FigureSvg, PoseStrip } from "./figure-svg";

export type AnimatedFigureProps = {
  /** From getPoseSet(slug) on the server; null shows the placeholder. */
  poseSet: PoseSet | null;
  /** The exercise name, for the text alternative. */
  name?: string;
  /** Seconds to move from the start pose to the end pose; the way back takes the same. */
  tempoSeconds?: number;
  /** Seconds to stay in the held pose (the programme's hold). */
  holdSeconds?: number;
  playing?: boolean;
  className?: string;
};

const REDUCED = "(prefers-reduced-motion: reduce)";
/** Seconds to move into or out of the held pose when the figure keeps time with the player. */
const IN_STEP_TEMPO = 1.2;

/**
 * A new phase starts its move from the beginning; a return with nothing to return from
 * (the first "get ready") starts at the start pose rather than jumping out first.
 */
function startSeconds(stance: Stance, previous: Stance, total: number): number {
  return stance === "back" && previous !== "out" ? total : 0;
}

const subscribeReduced = (onChange: () => void) => {
  const query = window.matchMedia(REDUCED);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
};

/**
 * The exercise moving between its key poses, in the same box as a still figure. Inside
 * the session player (FigureBeatContext) it keeps time with the timer: into the pose as a
 * hold starts, still while it counts down, back to the start as the relax or rest begins;
 * elsewhere it loops on its own clock. With
 * reduced motion the key poses are shown side by side instead (a media query picks which
 * is visible, so the choice is made before first paint and nothing shifts).
 */
export function AnimatedFigure({ poseSet, className = "", ...rest }: AnimatedFigureProps) {
  if (!poseSet) return <FigurePlaceholder className={className} />;
  return <Animation poseSet={poseSet} className={className} {...rest} />;
}

function Animation({
  poseSet,
  name,
  tempoSeconds = 3,
  holdSeconds = 0,
  playing = true,
  className,
}: AnimatedFigureProps & { poseSet: PoseSet }) {
  const reduced = useSyncExternalStore(
    subscribeReduced,
    () => window.matchMedia(REDUCED).matches,
    () => false,
  );
  const beat = useContext(FigureBeatContext);
  const stance = beat?.stance ?? "free";
  const looping = useMemo(() => prepareAnimation(poseSet, { tempoSeconds, holdSeconds }), [poseSet, tempoSeconds, holdSeconds]);
  // In step, the hold is the timer's: the figure only needs the way out and the way back.
  const inStep = useMemo(() => prepareAnimation(poseSet, { tempoSeconds: IN_STEP_TEMPO, holdSeconds: 0 }), [poseSet]);
  const framing = useMemo(() => frameSet(poseSet), [poseSet]);
  const [shown, setShown] = useState({ seconds: 0, key: "", stance: "free" as Stance });
  const [visible, setVisible] = useState(true);
  const box = useRef<HTMLDivElement>(null);
  const clock = useRef(0);
  const beatKey = beat ? `${beat.key}|${stance}` : "";
  const lastBeat = useRef({ key: beatKey, stance });

  // Off-screen figures stop drawing: a page may hold several.
  useEffect(() => {
    const element = box.current;
    if (!element || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(([entry]) => setVisible(entry?.isIntersecting ?? true));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (lastBeat.current.key !== beatKey) {
      clock.current = startSeconds(stance, lastBeat.current.stance, inStep.timeline.total);
      lastBeat.current = { key: beatKey, stance };
    }
    if (!playing || reduced || !visible || beat?.paused) return;
    let frame = 0;
    let last: number | null = null;
    const tick = (now: number) => {
      // A long gap (a background tab) resumes where it was rather than jumping ahead.
      if (last !== null) clock.current += Math.min(0.1, (now - last) / 1000);
      last = now;
      setShown({ seconds: clock.current, key: beatKey, stance });
      // A figure that has arrived where the timer wants it stops drawing until the next phase.
      if (stance !== "free" && clock.current > inStep.timeline.total) return;
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, reduced, visible, beat?.paused, beatKey, stance, inStep]);

  // Until the first frame of a new phase is drawn, show where that phase starts.
  const seconds = shown.key === beatKey ? shown.seconds : startSeconds(stance, shown.stance, inStep.timeline.total);
  const skeleton = stance === "free" ? looping.skeletonAt(seconds) : inStep.skeletonAt(stanceSeconds(inStep.timeline, stance, seconds));
  const drawing = { width: FIGURE_WIDTH, height: FIGURE_HEIGHT, primitives: drawFigure(skeleton, framing) };
  return (
    <div ref={box} className={className}>
      <div className="motion-reduce:hidden">
        <FigureSvg drawing={drawing} label={describeMovement(poseSet, name)} />
      </div>
      <div className="hidden motion-reduce:block">
        <PoseStrip poseSet={poseSet} name={name} />
      </div>
    </div>
  );
}

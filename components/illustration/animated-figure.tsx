"use client";

import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { prepareAnimation } from "@/lib/illustration/animation";
import { describeMovement } from "@/lib/illustration/describe";
import { drawFigure, FIGURE_HEIGHT, FIGURE_WIDTH, frameSet } from "@/lib/illustration/drawing";
import type { PoseSet } from "@/lib/illustration/pose-schema";
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
const subscribeReduced = (onChange: () => void) => {
  const query = window.matchMedia(REDUCED);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
};

/**
 * The exercise moving between its key poses, in the same box as a still figure. With
 * reduced motion the key poses are shown side by side instead (a media query picks which
 * is visible, so the choice is made before first paint and nothing shifts).
 */
export function AnimatedFigure({ poseSet, className = "", ...rest }: AnimatedFigureProps) {
  if (!poseSet) return <FigurePlaceholder className={className} />;
  return <Animation poseSet={poseSet} className={className} {...rest} />;
}

function Animation({ poseSet, name, tempoSeconds = 3, holdSeconds = 0, playing = true, className }: AnimatedFigureProps & { poseSet: PoseSet }) {
  const reduced = useSyncExternalStore(subscribeReduced, () => window.matchMedia(REDUCED).matches, () => false);
  const animation = useMemo(() => prepareAnimation(poseSet, { tempoSeconds, holdSeconds }), [poseSet, tempoSeconds, holdSeconds]);
  const framing = useMemo(() => frameSet(poseSet), [poseSet]);
  const [seconds, setSeconds] = useState(0);
  const [visible, setVisible] = useState(true);
  const box = useRef<HTMLDivElement>(null);
  const clock = useRef(0);

  // Off-screen figures stop drawing: a page may hold several.
  useEffect(() => {
    const element = box.current;
    if (!element || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(([entry]) => setVisible(entry?.isIntersecting ?? true));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!playing || reduced || !visible) return;
    let frame = 0;
    let last: number | null = null;
    const tick = (now: number) => {
      // A long gap (a background tab) resumes where it was rather than jumping ahead.
      if (last !== null) clock.current += Math.min(0.1, (now - last) / 1000);
      last = now;
      setSeconds(clock.current);
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, reduced, visible]);

  const drawing = { width: FIGURE_WIDTH, height: FIGURE_HEIGHT, primitives: drawFigure(animation.skeletonAt(seconds), framing) };
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

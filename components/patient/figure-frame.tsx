import { FIGURE_HEIGHT, FIGURE_WIDTH } from "@/lib/illustration/drawing";

/**
 * The illustration slot for one exercise. The parent passes the illustration (a server
 * rendered SVG or an animated one); without it a calm, empty frame keeps the layout
 * the same so nothing jumps when illustrations arrive. The frame has the drawing's own
 * proportions and its white paper, so the figure fills it edge to edge: a frame of
 * another shape or colour shows bands above and below the drawing.
 */
export function FigureFrame({ figure, className = "" }: { figure?: React.ReactNode; className?: string }) {
  return (
    <div
      className={`flex w-full items-center justify-center overflow-hidden rounded-xl border border-line bg-surface ${className}`}
      style={{ aspectRatio: `${FIGURE_WIDTH} / ${FIGURE_HEIGHT}` }}
    >
      {figure ?? <EmptyFigure />}
    </div>
  );
}

function EmptyFigure() {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 120 90" className="h-3/5 w-auto text-brand-200">
      <rect x="10" y="72" width="100" height="6" rx="3" fill="currentColor" />
      <circle cx="30" cy="55" r="8" fill="currentColor" />
      <path d="M40 60h26l14-16 12 24" fill="none" stroke="currentColor" strokeWidth="8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

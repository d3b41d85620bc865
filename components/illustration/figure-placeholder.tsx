import { FIGURE_HEIGHT, FIGURE_WIDTH } from "@/lib/illustration/drawing";

/**
 * Stands in for a custom exercise without an illustration: the same box as a figure, so
 * swapping one for the other never moves the page.
 */
export function FigurePlaceholder({ label = "No illustration", className = "" }: { label?: string; className?: string }) {
  return (
    <div
      role="img"
      aria-label={label}
      className={`flex w-full flex-col items-center justify-center gap-1 rounded-lg border border-dashed border-line bg-canvas text-muted ${className}`}
      style={{ aspectRatio: `${FIGURE_WIDTH} / ${FIGURE_HEIGHT}` }}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 48 48"
        className="size-1/4 max-h-16 max-w-16"
        fill="none"
        stroke="currentColor"
        strokeWidth="2.2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <circle cx="24" cy="9" r="5" />
        <path d="M24 15v14M24 29l-7 13M24 29l7 13M13 21l11-3 11 3" />
      </svg>
      <span aria-hidden="true" className="text-sm">
        {label}
      </span>
    </div>
  );
}

import { clockWords } from "@/lib/player/words";

/* Presentational parts of the player: the big dial, the rep counter and the session bar. */

export type DialTone = "hold" | "prepare" | "rest" | "paused";

const TONE: Record<DialTone, { ring: string; text: string }> = {
  hold: { ring: "text-brand-600", text: "text-brand-700" },
  prepare: { ring: "text-warn", text: "text-warn" },
  rest: { ring: "text-ok", text: "text-ok" },
  paused: { ring: "text-muted", text: "text-muted" },
};

const R = 92;
const CIRCUMFERENCE = 2 * Math.PI * R;

/**
 * A countdown legible from the floor: digits a third of the screen wide inside a ring
 * that empties as time runs out. The ring and digits are hidden from screen readers;
 * the timer role carries the same in words, read on request rather than every second.
 */
export function TimerDial({
  label,
  tone,
  seconds,
  fraction,
  spoken,
}: {
  label: string;
  tone: DialTone;
  seconds: number;
  fraction: number;
  spoken: string;
}) {
  const colours = TONE[tone];
  const offset = CIRCUMFERENCE * (1 - Math.min(1, Math.max(0, fraction)));
  return (
    <div role="timer" aria-label={spoken} className="flex flex-col items-center">
      <p aria-hidden="true" className={`text-3xl font-bold uppercase tracking-wide sm:text-4xl ${colours.text}`} data-testid="phase-label">
        {label}
      </p>
      <div aria-hidden="true" className="relative mt-2 aspect-square w-[min(62vw,15rem,38dvh)] sm:w-72 lg:w-80">
        <svg viewBox="0 0 200 200" className="absolute inset-0 size-full -rotate-90">
          <circle cx="100" cy="100" r={R} fill="none" stroke="currentColor" strokeWidth="12" className="text-line" />
          <circle
            cx="100"
            cy="100"
            r={R}
            fill="none"
            stroke="currentColor"
            strokeWidth="12"
            strokeLinecap="round"
            strokeDasharray={CIRCUMFERENCE}
            strokeDashoffset={offset}
            className={`${colours.ring} transition-[stroke-dashoffset] duration-300 ease-linear`}
          />
        </svg>
        <span
          className="absolute inset-0 flex items-center justify-center text-[min(24vw,6rem,15dvh)] font-bold leading-none tabular-nums text-ink sm:text-[7.5rem] lg:text-[8.5rem]"
          data-testid="timer-digits"
        >
          {clockWords(seconds)}
        </span>
      </div>
    </div>
  );
}

/** For reps without a hold: the rep number, very large. */
export function RepCounter({ rep, reps }: { rep: number; reps: number }) {
  return (
    <div className="flex flex-col items-center" aria-hidden="true">
      <p className="text-3xl font-bold uppercase tracking-wide text-brand-700 sm:text-4xl">Rep</p>
      <p className="mt-1 flex items-baseline gap-3 font-bold tabular-nums">
        <span className="text-[min(28vw,7rem)] leading-none sm:text-[8rem]" data-testid="rep-number">
          {rep}
        </span>
        <span className="text-3xl text-muted">of {reps}</span>
      </p>
    </div>
  );
}

export function SessionBar({ value }: { value: number }) {
  const percent = Math.round(value * 100);
  return (
    <div
      role="progressbar"
      aria-label="Session progress"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${percent}% done`}
      className="h-2.5 w-full overflow-hidden rounded-full bg-line"
    >
      <div className="h-full rounded-full bg-brand-600 transition-[width] duration-500" style={{ width: `${percent}%` }} />
    </div>
  );
}

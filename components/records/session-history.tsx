import { formatDate } from "@/lib/dates";
import type { Difficulty } from "@/lib/domain/exercise";
import { DIFFICULTY_LABELS } from "@/lib/domain/labels";

type Session = {
  id: string;
  completedAt: Date;
  pain: number | null;
  difficulty: Difficulty | null;
  comment: string;
  exercises: { setsDone: number; setsPlanned: number; skipped: boolean }[];
};

/** Pain over the last sessions as a small line chart (0 at the bottom, 10 at the top); points oldest first. */
export function PainChart({ points }: { points: { id: string; pain: number }[] }) {
  if (points.length < 2) return <p className="text-sm text-muted">The pain chart appears after two sessions with a pain score.</p>;
  const w = 320;
  const h = 120;
  const x = (i: number) => 24 + (i * (w - 32)) / (points.length - 1);
  const y = (p: number) => 8 + ((10 - p) / 10) * (h - 24);
  return (
    <figure>
      <svg
        viewBox={`0 0 ${w} ${h}`}
        className="w-full"
        role="img"
        aria-label={`Pain scores, oldest to newest: ${points.map((p) => p.pain).join(", ")} out of 10`}
      >
        {[0, 5, 10].map((g) => (
          <g key={g}>
            <line x1="24" x2={w - 8} y1={y(g)} y2={y(g)} stroke="#d9e0de" strokeDasharray={g === 5 ? "3 3" : undefined} />
            <text x="0" y={y(g) + 4} fontSize="11" fill="#4f5d5a">
              {g}
            </text>
          </g>
        ))}
        <polyline fill="none" stroke="#0f6d64" strokeWidth="2.5" points={points.map((p, i) => `${x(i)},${y(p.pain)}`).join(" ")} />
        {points.map((p, i) => (
          <circle key={p.id} cx={x(i)} cy={y(p.pain)} r="3.5" fill="#0f6d64" />
        ))}
      </svg>
      <figcaption className="mt-1 text-xs text-muted">Pain (0–10) over the last {points.length} sessions</figcaption>
    </figure>
  );
}

/** `reply` draws the answer form under a session with a comment; `timeZone` is the patient's, for the times shown. */
export function SessionList({
  sessions,
  reply,
  timeZone,
}: {
  sessions: Session[];
  reply?: (session: { id: string }) => React.ReactNode;
  timeZone?: string;
}) {
  if (sessions.length === 0) return <p className="text-sm text-muted">No sessions logged yet.</p>;
  return (
    <ol className="divide-y divide-line" data-testid="session-list">
      {sessions.map((s) => {
        const done = s.exercises.reduce((n, e) => n + e.setsDone, 0);
        const planned = s.exercises.reduce((n, e) => n + e.setsPlanned, 0);
        const skipped = s.exercises.filter((e) => e.skipped).length;
        return (
          <li key={s.id} className="py-3 text-sm">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <span className="font-bold">
                {formatDate(s.completedAt, {
                  weekday: "short",
                  day: "numeric",
                  month: "short",
                  hour: "2-digit",
                  minute: "2-digit",
                  ...(timeZone ? { timeZone } : {}),
                })}
              </span>
              <span className="text-muted">
                {planned ? `${done} of ${planned} sets` : "Sets not recorded"}
                {skipped ? ` · ${skipped} skipped` : ""}
              </span>
            </div>
            <p className="mt-1">
              Pain <span className="font-bold">{s.pain ?? "–"}</span>/10 ·{" "}
              {s.difficulty ? DIFFICULTY_LABELS[s.difficulty] : "difficulty not given"}
            </p>
            {s.comment ? <p className="mt-1 whitespace-pre-line rounded-lg bg-canvas p-2">“{s.comment}”</p> : null}
            {s.comment && reply ? reply(s) : null}
          </li>
        );
      })}
    </ol>
  );
}

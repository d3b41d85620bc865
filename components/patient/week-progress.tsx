import { formatDate } from "@/lib/dates";
import type { Difficulty } from "@/lib/domain/exercise";
import { DIFFICULTY_LABELS } from "@/lib/domain/labels";

export type RecentSession = {
  /** ISO timestamp of when the session was finished. */
  completedAt: string;
  pain: number | null;
  difficulty: Difficulty | null;
};

/** "2 of 5 sessions this week", with a row of dots when the plan is small enough to draw. */
export function WeekCount({ done, planned }: { done: number; planned: number }) {
  const finished = planned > 0 && done >= planned;
  return (
    <div>
      <p className="text-xl font-bold">
        {planned > 0 ? (
          <>
            This week: {done} of {planned} {planned === 1 ? "session" : "sessions"}
          </>
        ) : (
          <>
            This week: {done} {done === 1 ? "session" : "sessions"}
          </>
        )}
      </p>
      {planned > 0 && planned <= 7 ? (
        <ol aria-hidden="true" className="mt-2 flex flex-wrap gap-2">
          {Array.from({ length: planned }, (_, i) => (
            <li
              key={i}
              className={`size-6 rounded-full border-2 ${i < done ? "border-brand-600 bg-brand-600" : "border-brand-200 bg-surface"}`}
            />
          ))}
        </ol>
      ) : planned > 7 ? (
        <div aria-hidden="true" className="mt-2 h-3 w-full overflow-hidden rounded-full bg-brand-100">
          <div className="h-full rounded-full bg-brand-600" style={{ width: `${Math.min(100, Math.round((done / planned) * 100))}%` }} />
        </div>
      ) : null}
      {finished ? <p className="mt-2 font-bold text-ok">You have done every session planned for this week. Well done!</p> : null}
    </div>
  );
}

export function RecentSessions({ sessions, timeZone }: { sessions: RecentSession[]; timeZone?: string }) {
  return (
    <section aria-labelledby="recent-sessions" className="print:hidden">
      <h2 id="recent-sessions" className="text-2xl font-bold">
        Your recent sessions
      </h2>
      {sessions.length === 0 ? (
        <p className="mt-2 text-muted">Nothing logged yet. When you finish a session, it will show here.</p>
      ) : (
        <ul className="card mt-3 divide-y divide-line">
          {sessions.map((s) => (
            <li key={s.completedAt} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-5 py-3">
              <span className="font-bold">{formatDate(s.completedAt, { weekday: "long", day: "numeric", month: "long", timeZone })}</span>
              <span className="text-muted">
                {[s.pain === null ? null : `Pain ${s.pain} out of 10`, s.difficulty ? DIFFICULTY_LABELS[s.difficulty] : null]
                  .filter(Boolean)
                  .join(" · ") || "Done"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

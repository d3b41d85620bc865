import Link from "next/link";
import { formatDate } from "@/lib/dates";

type Waiting = { programmeId: string; patientId: string; patientName: string; programmeTitle: string; since: Date };

const count = new Intl.NumberFormat("en-GB");

/**
 * Patients whose newest message has no answer yet, longest waiting first. A queue, not a
 * list to page through: answering takes a patient off it, and the count says how many
 * wait beyond the ones shown. Shown only when someone is waiting.
 */
export function WaitingMessages({ total, threads, timeZone }: { total: number; threads: Waiting[]; timeZone: string }) {
  if (total === 0) return null;
  return (
    <section className="card mb-6 p-5" aria-labelledby="waiting-heading" data-testid="waiting-messages">
      <h2 id="waiting-heading" className="text-lg font-bold">
        Waiting for an answer <span className="text-muted">({count.format(total)})</span>
      </h2>
      <ul className="mt-3 divide-y divide-line">
        {threads.map((t) => (
          <li key={t.programmeId} className="flex flex-wrap items-baseline justify-between gap-2 py-3 text-sm">
            <span>
              <Link href={`/patients/${t.patientId}#messages`} className="font-bold text-brand-700 hover:underline">
                {t.patientName}
              </Link>{" "}
              <span className="text-muted">· {t.programmeTitle}</span>
            </span>
            <span className="text-muted">
              since{" "}
              {formatDate(t.since, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone })}
            </span>
          </li>
        ))}
      </ul>
      {total > threads.length ? (
        <p className="mt-2 text-sm text-muted">
          {count.format(total - threads.length)} more after these; they move up as these are answered.
        </p>
      ) : null}
    </section>
  );
}

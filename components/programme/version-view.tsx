import type { LoadedProgramme } from "@/db/queries/programmes";
import { dosageCompact } from "@/lib/dosage/format";
import { formatDate } from "@/lib/dates";

/** A saved version as the clinician reads it: details, then exercises with their doses. */
export function VersionView({
  programme,
  timeZone,
}: {
  programme: LoadedProgramme;
  /** For the time it was saved; start and review are dates and stay as written. */ timeZone?: string;
}) {
  const v = programme.version;
  return (
    <section className="card p-5" aria-label={`Version ${v.version}`}>
      <dl className="grid gap-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="font-bold">Start</dt>
          <dd className="text-muted">{v.startDate ? formatDate(v.startDate) : "Not set"}</dd>
        </div>
        <div>
          <dt className="font-bold">Review</dt>
          <dd className="text-muted">{v.reviewDate ? formatDate(v.reviewDate) : "Not set"}</dd>
        </div>
        <div>
          <dt className="font-bold">Saved</dt>
          <dd className="text-muted">
            {formatDate(v.createdAt, {
              day: "numeric",
              month: "short",
              year: "numeric",
              hour: "2-digit",
              minute: "2-digit",
              ...(timeZone ? { timeZone } : {}),
            })}
          </dd>
        </div>
      </dl>
      {v.patientNote ? <p className="mt-4 whitespace-pre-line rounded-lg bg-brand-50 p-3">{v.patientNote}</p> : null}
      <ol className="mt-4 divide-y divide-line">
        {programme.items.map((item, i) => (
          <li key={i} className="flex gap-3 py-3">
            <span className="w-6 shrink-0 text-right font-bold text-muted">{i + 1}</span>
            <div>
              <p className="font-bold">
                {item.name}
                {item.retiredAt ? <span className="ml-2 text-xs font-normal text-muted">(retired from catalogue)</span> : null}
              </p>
              <p className="text-sm font-bold text-brand-800">{dosageCompact(item)}</p>
              {item.note ? <p className="text-sm text-muted">Note: {item.note}</p> : null}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function ChangeList({ lines, empty = "No changes." }: { lines: string[]; empty?: string }) {
  if (!lines.length) return <p className="text-sm text-muted">{empty}</p>;
  return (
    <ul className="list-disc space-y-1 pl-6 text-sm" data-testid="change-list">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

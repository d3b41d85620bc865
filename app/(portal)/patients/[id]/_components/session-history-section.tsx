import { Pager } from "@/components/ui/pager";
import type { DatabaseOrTransaction } from "@/db/client";
import { listPainPoints, listSessionPage } from "@/db/queries/sessions";
import { PainChart, SessionList } from "@/components/records/session-history";
import { ReplyForm } from "./reply-form";

const count = new Intl.NumberFormat("en-GB");

/**
 * A patient's sessions on their page: counts from the database, the pain chart from the
 * last twelve scores, and the history a page at a time (`sessions` in the URL).
 */
export async function SessionHistorySection({
  db,
  clinicId,
  patientId,
  cursor,
  timeZone,
}: {
  db: DatabaseOrTransaction;
  clinicId: string;
  patientId: string;
  cursor: string | undefined;
  /** The patient's zone: times read as they lived them. */
  timeZone: string;
}) {
  const [page, pain] = await Promise.all([
    listSessionPage(db, { clinicId, patientId, cursor }),
    listPainPoints(db, { clinicId, patientId, points: 12 }),
  ]);
  return (
    <section className="card p-5" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading" className="text-lg font-bold">
        Sessions
      </h2>
      <p className="mt-1 text-sm text-muted" data-testid="sessions-last-week">
        {page.lastWeek} in the last 7 days · {count.format(page.total ?? 0)} in all
      </p>
      <div className="mt-4">
        <PainChart points={pain} />
      </div>
      <div className="mt-4">
        <SessionList
          sessions={page.rows}
          timeZone={timeZone}
          reply={(s) => <ReplyForm target={{ sessionLogId: s.id }} requestId={crypto.randomUUID()} summary="Reply to this comment" />}
        />
      </div>
      <Pager page={page} path={`/patients/${patientId}`} params={{}} param="sessions" noun="sessions" />
    </section>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { AttentionCell } from "@/components/records/status-cells";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { listPatientPage, patientStatusCounts } from "@/db/queries/patient-status";
import { listRecentClinicSessions } from "@/db/queries/sessions";
import { listWaitingThreads } from "@/db/queries/messages";
import { WaitingMessages } from "./_components/waiting-messages";
import { attentionForPatient } from "@/lib/adherence/flags";
import { requireClinician } from "@/lib/auth/dal";
import { formatDate } from "@/lib/dates";
import { clinicTimeZone } from "@/lib/time/clinic-zone";
import { DIFFICULTY_LABELS } from "@/lib/domain/labels";

export const metadata: Metadata = { title: "Dashboard" };

const ATTENTION_SHOWN = 20;
const WAITING_SHOWN = 10;
const count = new Intl.NumberFormat("en-GB");

export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ welcome?: string }> }) {
  const session = await requireClinician();
  const { welcome } = await searchParams;
  const db = await getDb();
  const clinicId = session.clinicId;
  // The most urgent few, with counts for the rest: the page stays the same size at any clinic size.
  const [urgent, counts, recent, timeZone, waiting] = await Promise.all([
    listPatientPage(db, { clinicId, query: { show: "attention", sort: "attention" }, pageSize: ATTENTION_SHOWN, withTotal: false }),
    patientStatusCounts(db, { clinicId }),
    listRecentClinicSessions(db, { clinicId }),
    clinicTimeZone(db, clinicId),
    listWaitingThreads(db, { clinicId, limit: WAITING_SHOWN }),
  ]);
  const now = new Date();
  const flagged = urgent.rows.map((p) => ({ patient: p, flags: attentionForPatient(p, now) }));

  return (
    <>
      <PageHeader
        title={`Hello, ${session.name.split(" ")[0]}`}
        description="Who needs a look, and how your patients' sessions are going."
        actions={
          <>
            <Link href="/patients/new" className="btn-secondary">
              New patient
            </Link>
            <Link href="/patients" className="btn-primary">
              Patients
            </Link>
          </>
        }
      />
      {welcome ? (
        <p className="mb-6 rounded-lg bg-ok-soft px-4 py-3 font-bold text-ok" role="status">
          Your clinic is ready. Add your clinic&apos;s address and phone under Clinic so they appear on handouts.
        </p>
      ) : null}
      <WaitingMessages total={waiting.total} threads={waiting.threads} timeZone={timeZone} />
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="card p-5" aria-labelledby="attention-heading">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="attention-heading" className="text-lg font-bold">
              Needs attention{" "}
              <span className="text-muted" data-testid="attention-count">
                ({count.format(counts.attention)})
              </span>
            </h2>
            {counts.attention > 0 ? (
              <Link href="/patients?show=attention&sort=attention" className="link text-sm">
                See all {count.format(counts.attention)}
              </Link>
            ) : null}
          </div>
          <p className="text-sm text-muted">Pain up by 2 or more over the last three sessions, or nothing logged for 7 days.</p>
          {flagged.length === 0 ? (
            <p className="mt-4 rounded-lg bg-canvas p-4 text-sm">Nobody right now.</p>
          ) : (
            <ul className="mt-3 divide-y divide-line" data-testid="attention-list">
              {flagged.map(({ patient, flags }) => (
                <li key={patient.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <Link href={`/patients/${patient.id}`} className="font-bold text-brand-700 hover:underline">
                    {patient.name}
                  </Link>
                  <AttentionCell attention={flags} />
                </li>
              ))}
            </ul>
          )}
          <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 border-t border-line pt-3 text-sm">
            <Link href="/patients?show=not_sent" className="link">
              {count.format(counts.notSent)} without a link sent
            </Link>
            <Link href="/patients?show=quiet&sort=last_session" className="link">
              {count.format(counts.quiet)} with no session in 7 days
            </Link>
          </p>
        </section>
        <section className="card p-5" aria-labelledby="recent-heading">
          <h2 id="recent-heading" className="text-lg font-bold">
            Latest sessions
          </h2>
          {recent.length === 0 ? (
            <p className="mt-4 rounded-lg bg-canvas p-4 text-sm">No sessions logged yet. They appear here as patients finish them.</p>
          ) : (
            <ul className="mt-3 divide-y divide-line">
              {recent.map((s) => (
                <li key={s.id} className="py-3 text-sm">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <Link href={`/patients/${s.patientId}`} className="font-bold text-brand-700 hover:underline">
                      {s.patientName}
                    </Link>
                    <span className="text-muted">
                      {formatDate(s.completedAt, {
                        weekday: "short",
                        day: "numeric",
                        month: "short",
                        hour: "2-digit",
                        minute: "2-digit",
                        timeZone,
                      })}
                    </span>
                  </div>
                  <p className="mt-0.5">
                    Pain {s.pain ?? "–"}/10{s.difficulty ? ` · ${DIFFICULTY_LABELS[s.difficulty].toLowerCase()}` : ""}
                    {s.comment ? (
                      <span className="text-muted"> · “{s.comment.length > 80 ? `${s.comment.slice(0, 80)}…` : s.comment}”</span>
                    ) : null}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}

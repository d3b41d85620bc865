import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { listPatientStatus, type PatientStatusRow } from "@/db/queries/patient-status";
import { listPatients } from "@/db/queries/patients";
import { ErasedNotice } from "@/components/patients/erased-notice";
import { AttentionCell, LinkCell, PainTrend } from "@/components/patients/status-cells";
import { attentionForPatient } from "@/lib/adherence/flags";
import { requireClinician } from "@/lib/auth/dal";

export const metadata: Metadata = { title: "Patients" };

export default async function PatientsPage({ searchParams }: { searchParams: Promise<{ q?: string; archived?: string }> }) {
  const session = await requireClinician();
  const { q, archived } = await searchParams;
  const showArchived = archived === "1";
  const db = await getDb();
  const query = typeof q === "string" ? q : undefined;
  const rows: (Pick<PatientStatusRow, "id" | "name" | "email"> & Partial<PatientStatusRow>)[] = showArchived
    ? await listPatients(db, { clinicId: session.clinicId, q: query, archived: true })
    : await listPatientStatus(db, { clinicId: session.clinicId, q: query });
  const now = new Date();

  return (
    <>
      <PageHeader
        title="Patients"
        description={showArchived ? "Archived patients. Their records are kept." : "Everyone your clinic is treating."}
        actions={
          <Link href="/patients/new" className="btn-primary">
            New patient
          </Link>
        }
      />
      <ErasedNotice />
      <form role="search" className="mb-4 flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1">
          <label htmlFor="patient-q" className="label">
            Find a patient
          </label>
          <input id="patient-q" name="q" type="search" defaultValue={q ?? ""} className="input" placeholder="Name or email" />
        </div>
        {showArchived ? <input type="hidden" name="archived" value="1" /> : null}
        <button type="submit" className="btn-secondary">
          Search
        </button>
        <Link href={showArchived ? "/patients" : "/patients?archived=1"} className="btn-ghost">
          {showArchived ? "Show current patients" : "Show archived"}
        </Link>
      </form>
      {rows.length === 0 ? (
        <EmptyState
          title={q ? "No patients match" : showArchived ? "No archived patients" : "No patients yet"}
          action={!q && !showArchived ? <Link href="/patients/new" className="btn-primary">Add your first patient</Link> : undefined}
        >
          {q ? "Check the spelling, or search by email." : "Add a patient to build and send their programme."}
        </EmptyState>
      ) : (
        <>
        {/* Phones get one card per patient; a six-column table does not fit 375 px. */}
        <ul className="space-y-3 md:hidden" aria-label="Patients">
          {rows.map((p) => {
            const flags = attentionForPatient(
              { recent: p.recent ?? [], lastSessionAt: p.lastSessionAt ?? null, linkState: p.linkState ?? null, linkCreatedAt: p.linkCreatedAt ?? null, startDate: p.startDate ?? null },
              now,
            );
            return (
              <li key={p.id} className="card relative p-4">
                <Link href={`/patients/${p.id}`} className="font-bold text-brand-700 after:absolute after:inset-0">
                  {p.name}
                </Link>
                <p className="truncate text-sm text-muted">{p.email}</p>
                <p className="mt-2 text-sm">
                  {p.programmeTitle ?? "No programme"}
                  {p.plannedPerWeek ? ` · ${p.sessionsThisWeek ?? 0} of ${p.plannedPerWeek} this week` : ""}
                </p>
                {p.programmeId && !showArchived ? (
                  <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
                    <LinkCell row={p as PatientStatusRow} />
                    <PainTrend recent={p.recent ?? []} />
                    <AttentionCell attention={flags} />
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
        <div className="card hidden overflow-x-auto md:block">
          <table className="w-full text-left">
            <caption className="sr-only">Patients</caption>
            <thead className="border-b border-line text-sm text-muted">
              <tr>
                <th scope="col" className="px-4 py-3 font-bold">Patient</th>
                <th scope="col" className="px-4 py-3 font-bold">Programme</th>
                <th scope="col" className="px-4 py-3 font-bold">Link</th>
                <th scope="col" className="px-4 py-3 font-bold">This week</th>
                <th scope="col" className="px-4 py-3 font-bold">Pain</th>
                <th scope="col" className="px-4 py-3 font-bold">Needs attention</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => {
                const flags = attentionForPatient(
                  { recent: p.recent ?? [], lastSessionAt: p.lastSessionAt ?? null, linkState: p.linkState ?? null, linkCreatedAt: p.linkCreatedAt ?? null, startDate: p.startDate ?? null },
                  now,
                );
                return (
                  <tr key={p.id} className="border-b border-line last:border-0 hover:bg-canvas" data-testid="patient-row">
                    <td className="px-4 py-3">
                      <Link href={`/patients/${p.id}`} className="font-bold text-brand-700 hover:underline">
                        {p.name}
                      </Link>
                      <span className="block text-sm text-muted">{p.email}</span>
                    </td>
                    <td className="px-4 py-3 text-sm">{p.programmeTitle ?? <span className="text-muted">—</span>}</td>
                    <td className="px-4 py-3 text-sm">{showArchived ? "—" : <LinkCell row={p as PatientStatusRow} />}</td>
                    <td className="px-4 py-3 text-sm">
                      {p.plannedPerWeek ? `${p.sessionsThisWeek ?? 0} of ${p.plannedPerWeek}` : <span className="text-muted">—</span>}
                    </td>
                    <td className="px-4 py-3">
                      <PainTrend recent={p.recent ?? []} />
                    </td>
                    <td className="px-4 py-3">
                      <AttentionCell attention={flags} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        </>
      )}
    </>
  );
}

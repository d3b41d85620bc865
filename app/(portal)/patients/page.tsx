import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { listPatients } from "@/db/queries/patients";
import { requireClinician } from "@/lib/auth/dal";

export const metadata: Metadata = { title: "Patients" };

export default async function PatientsPage({ searchParams }: { searchParams: Promise<{ q?: string; archived?: string }> }) {
  const session = await requireClinician();
  const { q, archived } = await searchParams;
  const showArchived = archived === "1";
  const rows = await listPatients(await getDb(), { clinicId: session.clinicId, q: typeof q === "string" ? q : undefined, archived: showArchived });

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
        <div className="card overflow-x-auto">
          <table className="w-full text-left">
            <caption className="sr-only">Patients</caption>
            <thead className="border-b border-line text-sm text-muted">
              <tr>
                <th scope="col" className="px-4 py-3 font-bold">Name</th>
                <th scope="col" className="px-4 py-3 font-bold">Email</th>
                <th scope="col" className="px-4 py-3 font-bold">Added</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id} className="border-b border-line last:border-0 hover:bg-canvas">
                  <td className="px-4 py-3">
                    <Link href={`/patients/${p.id}`} className="font-bold text-brand-700 hover:underline">
                      {p.name}
                    </Link>
                  </td>
                  <td className="px-4 py-3 text-muted">{p.email}</td>
                  <td className="px-4 py-3 text-sm text-muted">{p.createdAt.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

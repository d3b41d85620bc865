import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { listPatients } from "@/db/queries/patients";
import { listProgrammes } from "@/db/queries/programmes";
import { requireClinician } from "@/lib/auth/dal";
import { formatDate } from "@/lib/dates";

export const metadata: Metadata = { title: "Templates" };

export default async function TemplatesPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const session = await requireClinician();
  const { saved } = await searchParams;
  const db = await getDb();
  const [templates, patients] = await Promise.all([
    listProgrammes(db, { clinicId: session.clinicId, kind: "template" }),
    listPatients(db, { clinicId: session.clinicId }),
  ]);
  return (
    <>
      <PageHeader
        title="Templates"
        description="Tried sets of exercises to start a programme from. Changing a template never changes programmes made from it."
        actions={<Link href="/templates/new" className="btn-primary">New template</Link>}
      />
      {saved ? <p role="status" className="mb-4 rounded-lg bg-ok-soft px-4 py-2 font-bold text-ok">Template saved.</p> : null}
      {templates.length === 0 ? (
        <EmptyState title="No templates yet" action={<Link href="/templates/new" className="btn-primary">Make a template</Link>}>
          Save any programme as a template, or build one here.
        </EmptyState>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {templates.map((t) => (
            <li key={t.id} className="card flex flex-col p-5" data-testid="template">
              <h2 className="text-lg font-bold">{t.title}</h2>
              <p className="mt-1 text-sm text-muted">
                {t.exerciseCount} exercises · updated {formatDate(t.updatedAt)}
              </p>
              <form action="/programmes/new" className="mt-4 flex flex-wrap items-end gap-2">
                <input type="hidden" name="template" value={t.id} />
                <div className="min-w-48 flex-1">
                  <label htmlFor={`patient-${t.id}`} className="label">Use for</label>
                  <select id={`patient-${t.id}`} name="patient" className="input" required defaultValue="">
                    <option value="" disabled>Choose a patient…</option>
                    {patients.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
                  </select>
                </div>
                <button type="submit" className="btn-secondary">Start programme</button>
                <Link href={`/templates/${t.id}/edit`} className="btn-ghost">Edit</Link>
              </form>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

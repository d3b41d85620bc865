import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { getDb } from "@/db/client";
import { listTemplatePage } from "@/db/queries/programmes";
import { requireClinician } from "@/lib/auth/dal";
import { formatDate } from "@/lib/dates";

export const metadata: Metadata = { title: "Templates" };

export default async function TemplatesPage({ searchParams }: { searchParams: Promise<{ saved?: string; cursor?: string | string[] }> }) {
  const session = await requireClinician();
  const { saved, cursor } = await searchParams;
  const db = await getDb();
  const page = await listTemplatePage(db, { clinicId: session.clinicId, cursor: typeof cursor === "string" ? cursor : undefined });
  const templates = page.rows;
  return (
    <>
      <PageHeader
        title="Templates"
        description="Tried sets of exercises to start a programme from. Changing a template never changes programmes made from it."
        actions={
          <Link href="/templates/new" className="btn-primary">
            New template
          </Link>
        }
      />
      {saved ? (
        <p role="status" className="mb-4 rounded-lg bg-ok-soft px-4 py-2 font-bold text-ok">
          Template saved.
        </p>
      ) : null}
      {templates.length === 0 ? (
        <EmptyState
          title="No templates yet"
          action={
            <Link href="/templates/new" className="btn-primary">
              Make a template
            </Link>
          }
        >
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
              {/* The patient is chosen from the full, paged patient list, not a menu of thousands. */}
              <div className="mt-4 flex flex-wrap gap-2">
                <Link href={`/patients?template=${t.id}`} className="btn-secondary">
                  Start programme
                </Link>
                <Link href={`/templates/${t.id}/edit`} className="btn-ghost">
                  Edit
                </Link>
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pager page={page} path="/templates" params={{}} noun="templates" />
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { getDb } from "@/db/client";
import { listPatientPage } from "@/db/queries/patient-status";
import { getProgrammeHeader } from "@/db/queries/programmes";
import { ErasedNotice } from "@/components/records/erased-notice";
import { PatientTable } from "@/app/(portal)/patients/_components/patient-table";
import { attentionForPatient } from "@/lib/adherence/flags";
import { requireClinician } from "@/lib/auth/dal";
import { PATIENT_SHOWS, PATIENT_SORTS } from "@/lib/domain/patient-list";
import { parsePatientListQuery, SHOW_LABELS, SORT_LABELS } from "@/lib/patient/list-query";

export const metadata: Metadata = { title: "Patients" };

export default async function PatientsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requireClinician();
  const query = parsePatientListQuery(await searchParams);
  const showArchived = query.show === "archived";
  const db = await getDb();
  const [page, template] = await Promise.all([
    listPatientPage(db, { clinicId: session.clinicId, query }),
    query.template ? getProgrammeHeader(db, { id: query.template, clinicId: session.clinicId }) : undefined,
  ]);
  const templateId = template?.kind === "template" ? template.id : undefined;
  const hrefFor = (id: string) => (templateId ? `/programmes/new?patient=${id}&template=${templateId}` : `/patients/${id}`);
  const rows = page.rows;
  const now = new Date();
  const filtered = Boolean(query.q) || query.show !== "all";

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
      {templateId ? (
        <p role="status" className="mb-4 rounded-lg bg-brand-50 px-4 py-3 font-bold text-brand-800">
          Choose the patient to start the template for.{" "}
          <Link href="/templates" className="link font-normal">
            Back to templates
          </Link>
        </p>
      ) : null}
      <form role="search" className="mb-4 flex flex-wrap items-end gap-3">
        {templateId ? <input type="hidden" name="template" value={templateId} /> : null}
        <div className="min-w-56 flex-[2]">
          <label htmlFor="patient-q" className="label">
            Find a patient
          </label>
          <input id="patient-q" name="q" type="search" defaultValue={query.q ?? ""} className="input" placeholder="Name or email" />
        </div>
        <div className="min-w-40 flex-1">
          <label htmlFor="patient-show" className="label">
            Show
          </label>
          <select id="patient-show" name="show" defaultValue={query.show} className="input">
            {PATIENT_SHOWS.map((s) => (
              <option key={s} value={s}>
                {SHOW_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-40 flex-1">
          <label htmlFor="patient-sort" className="label">
            Sort by
          </label>
          <select id="patient-sort" name="sort" defaultValue={query.sort} className="input">
            {PATIENT_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          Apply
        </button>
        {filtered ? (
          <Link href="/patients" className="btn-ghost">
            Clear
          </Link>
        ) : null}
      </form>
      {rows.length === 0 ? (
        <EmptyState
          title={query.q ? "No patients match" : filtered ? `Nobody under “${SHOW_LABELS[query.show]}”` : "No patients yet"}
          action={
            !filtered ? (
              <Link href="/patients/new" className="btn-primary">
                Add your first patient
              </Link>
            ) : undefined
          }
        >
          {query.q
            ? "Check the spelling, or search by email."
            : filtered
              ? "Choose another filter to see more patients."
              : "Add a patient to build and send their programme."}
        </EmptyState>
      ) : (
        <PatientTable
          archived={showArchived}
          rows={rows.map((p) => ({
            id: p.id,
            href: hrefFor(p.id),
            name: p.name,
            email: p.email,
            programmeId: p.programmeId,
            programmeTitle: p.programmeTitle,
            linkState: p.linkState,
            thisWeek: p.plannedPerWeek ? `${p.sessionsThisWeek} of ${p.plannedPerWeek}` : null,
            pains: p.recent.map((r) => ({ pain: r.pain })),
            reasons: showArchived ? [] : attentionForPatient(p, now).reasons,
          }))}
        />
      )}
      <Pager
        page={page}
        path="/patients"
        params={{
          q: query.q,
          template: templateId,
          show: query.show === "all" ? undefined : query.show,
          sort: query.sort === "name" ? undefined : query.sort,
        }}
        noun="patients"
      />
    </>
  );
}

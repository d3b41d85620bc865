import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { ToggleActionButton } from "@/components/ui/toggle-action-button";
import { archivePatientAction } from "../actions";
import { EmptyState } from "@/components/ui/page-header";
import { getDb } from "@/db/client";
import { getPatient } from "@/db/queries/patients";
import { listProgrammes } from "@/db/queries/programmes";
import { recordAudit } from "@/db/queries/audit";
import { PatientRecordDuties } from "@/app/(portal)/patients/[id]/_components/record-duties";
import { SessionHistorySection } from "@/app/(portal)/patients/[id]/_components/session-history-section";
import { OutcomesSection } from "@/app/(portal)/patients/[id]/_components/outcomes-section";
import { MessagesSection } from "@/app/(portal)/patients/[id]/_components/messages-section";
import { getZones } from "@/db/queries/time-zones";
import { effectiveTimeZone } from "@/lib/time/zone";
import { requireClinician } from "@/lib/auth/dal";
import { formatDate } from "@/lib/dates";
import { isUuid } from "@/lib/ids";
import { clientIp } from "@/lib/request";

export const metadata: Metadata = { title: "Patient" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string; saved?: string; sessions?: string }> };

export default async function PatientPage({ params, searchParams }: Props) {
  const session = await requireClinician();
  const { id } = await params;
  const flags = await searchParams;
  const db = await getDb();
  const patient = isUuid(id) ? await getPatient(db, { id, clinicId: session.clinicId }) : undefined;
  if (!patient) notFound();
  const [programmes, zones] = await Promise.all([
    listProgrammes(db, { clinicId: session.clinicId, patientId: patient.id, kind: "programme" }),
    getZones(db, { clinicId: session.clinicId, patientId: patient.id }),
    // Who looked at which patient's record is part of the audit trail.
    recordAudit(db, {
      clinicId: session.clinicId,
      actorId: session.clinicianId,
      action: "patient.viewed",
      objectType: "patient",
      objectId: patient.id,
      ip: clientIp(await headers()),
    }),
  ]);
  // Times on this page read as the patient lived them.
  const timeZone = effectiveTimeZone(zones.patientZone, zones.clinicZone);

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm">
        <Link href="/patients" className="link">
          Patients
        </Link>
      </nav>
      {flags.created || flags.saved ? (
        <p role="status" className="mb-4 rounded-lg bg-ok-soft px-4 py-2 font-bold text-ok">
          {flags.created ? "Patient added. Next, build their programme." : "Saved."}
        </p>
      ) : null}
      <header className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">{patient.name}</h1>
          <p className="mt-1 text-muted">
            {patient.email}
            {patient.dateOfBirth ? ` · born ${formatDate(patient.dateOfBirth)}` : ""}
            {patient.archivedAt ? " · archived" : ""}
          </p>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          <Link href={`/patients/${patient.id}/edit`} className="btn-secondary">
            Edit details
          </Link>
          <ToggleActionButton
            action={archivePatientAction}
            fields={{ id: patient.id, archived: patient.archivedAt ? "false" : "true" }}
            label={patient.archivedAt ? "Restore patient" : "Archive"}
            danger={!patient.archivedAt}
          />
        </div>
      </header>

      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="grid content-start gap-6">
          <section aria-labelledby="programmes-heading">
            <div className="mb-3 flex items-center justify-between gap-3">
              <h2 id="programmes-heading" className="text-xl font-bold">
                Programmes
              </h2>
              <Link href={`/programmes/new?patient=${patient.id}`} className="btn-primary">
                New programme
              </Link>
            </div>
            {programmes.length === 0 ? (
              <EmptyState
                title="No programme yet"
                action={
                  <Link href={`/programmes/new?patient=${patient.id}`} className="btn-primary">
                    Build a programme
                  </Link>
                }
              >
                Start from the catalogue or from one of your templates.
              </EmptyState>
            ) : (
              <ul className="space-y-3">
                {programmes.map((p) => (
                  <li key={p.id} className="card relative p-5 hover:border-brand-200">
                    <h3 className="text-lg font-bold">
                      <Link href={`/programmes/${p.id}`} className="after:absolute after:inset-0">
                        {p.title}
                      </Link>
                    </h3>
                    <p className="mt-1 text-sm text-muted">
                      {p.exerciseCount} {p.exerciseCount === 1 ? "exercise" : "exercises"} · version {p.currentVersion} · updated{" "}
                      {formatDate(p.updatedAt)}
                      {p.reviewDate ? ` · review ${formatDate(p.reviewDate)}` : ""}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <OutcomesSection
            db={db}
            clinicId={session.clinicId}
            patientId={patient.id}
            programmes={programmes.filter((p) => !p.archivedAt).map((p) => ({ id: p.id, title: p.title }))}
          />
          <MessagesSection
            db={db}
            clinicId={session.clinicId}
            programmes={programmes.map((p) => ({ id: p.id, title: p.title }))}
            timeZone={timeZone}
          />
        </div>
        <aside className="space-y-6">
          <SessionHistorySection
            db={db}
            clinicId={session.clinicId}
            patientId={patient.id}
            cursor={typeof flags.sessions === "string" ? flags.sessions : undefined}
            timeZone={timeZone}
          />
          {patient.notes ? (
            <section className="card p-5">
              <h2 className="text-sm font-bold uppercase tracking-wider text-muted">Clinic notes</h2>
              <p className="mt-2 whitespace-pre-line">{patient.notes}</p>
            </section>
          ) : null}
        </aside>
      </div>
      <PatientRecordDuties patient={patient} session={session} />
    </>
  );
}

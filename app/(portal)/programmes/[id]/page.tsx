import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LinkEmail } from "@/app/(portal)/programmes/_components/link-email";
import { LinkPanel } from "@/app/(portal)/programmes/_components/link-panel";
import { OutcomeSchedule } from "@/app/(portal)/programmes/_components/outcome-schedule";
import { getSchedule } from "@/db/queries/outcomes";
import { listClinicMeasures } from "@/lib/outcomes/measures";
import { latestEmailsFor } from "@/db/queries/email";
import { ChangeList, VersionView } from "@/components/programme/version-view";
import { Pager } from "@/components/ui/pager";
import { ReminderStatus } from "@/components/programme/reminder-status";
import { getReminder } from "@/db/queries/reminders";
import { getZones } from "@/db/queries/time-zones";
import { effectiveTimeZone } from "@/lib/time/zone";
import { getCurrentLink } from "@/lib/links/current";
import { env } from "@/lib/env";
import { shortAddress } from "@/lib/links/short-code";
import { linkKey } from "@/lib/links/token";
import { getDb } from "@/db/client";
import { getPatient } from "@/db/queries/patients";
import { getProgrammeVersion, listVersionPage, toDiffVersion } from "@/db/queries/programmes";
import { requireClinician } from "@/lib/auth/dal";
import { formatDate } from "@/lib/dates";
import { isUuid } from "@/lib/ids";
import { describeChanges, diffVersions } from "@/lib/programme/diff";

export const metadata: Metadata = { title: "Programme" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string; emailed?: string; versions?: string | string[] }> };

export default async function ProgrammePage({ params, searchParams }: Props) {
  const session = await requireClinician();
  const { id } = await params;
  const { saved, emailed, versions: versionCursor } = await searchParams;
  const db = await getDb();
  const programme = isUuid(id) ? await getProgrammeVersion(db, { id, clinicId: session.clinicId }) : undefined;
  if (!programme || programme.header.kind !== "programme" || !programme.header.patientId) notFound();
  const current = programme.header.currentVersion;
  const [patient, versions, previous, link, measures, schedule, reminder, zones] = await Promise.all([
    getPatient(db, { id: programme.header.patientId, clinicId: session.clinicId }),
    listVersionPage(db, { id, clinicId: session.clinicId, cursor: typeof versionCursor === "string" ? versionCursor : undefined }),
    current > 1 ? getProgrammeVersion(db, { id, clinicId: session.clinicId, version: current - 1 }) : undefined,
    getCurrentLink(db, { clinicId: session.clinicId, programmeId: id, key: linkKey(env().AUTH_SECRET) }),
    listClinicMeasures(db, { clinicId: session.clinicId }),
    getSchedule(db, { clinicId: session.clinicId, programmeId: id }),
    getReminder(db, { clinicId: session.clinicId, programmeId: id }),
    getZones(db, { clinicId: session.clinicId, patientId: programme.header.patientId }),
  ]);
  const emails = link ? await latestEmailsFor(db, { clinicId: session.clinicId, subjectRefs: [link.id] }) : new Map();
  // Only an email carrying the live link may be sent again.
  const lastEmail = link?.status === "active" ? emails.get(link.id) : undefined;
  // Times (not dates) read in the patient's zone, as they and the reminders see them.
  const timeZone = effectiveTimeZone(zones.patientZone, zones.clinicZone);
  const changes = previous ? describeChanges(diffVersions(toDiffVersion(previous), toDiffVersion(programme))) : null;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm">
        <Link href="/patients" className="link">
          Patients
        </Link>
        <span aria-hidden="true" className="px-2 text-muted">
          /
        </span>
        <Link href={`/patients/${patient?.id}`} className="link">
          {patient?.name}
        </Link>
      </nav>
      {saved ? (
        <p role="status" className="mb-4 rounded-lg bg-ok-soft px-4 py-2 font-bold text-ok">
          Saved as version {current}. The patient&apos;s link now shows it
          {emailed ? <>, and {patient?.name} is being emailed what changed</> : null}.
        </p>
      ) : null}
      <header className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">{programme.version.title}</h1>
          <p className="mt-1 text-muted">
            For {patient?.name} · version {current} · {programme.items.length} exercises
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href={`/programmes/${id}/edit`} className="btn-primary">
            Edit programme
          </Link>
        </div>
      </header>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-6">
          {changes ? (
            <section className="card p-5" aria-labelledby="changed">
              <h2 id="changed" className="mb-2 text-lg font-bold">
                What changed in version {current}
              </h2>
              <ChangeList lines={changes} />
              {programme.version.changeNote ? (
                <p className="mt-3 text-sm">
                  <span className="font-bold">Note to the patient:</span> {programme.version.changeNote}
                </p>
              ) : null}
            </section>
          ) : null}
          <VersionView programme={programme} timeZone={timeZone} />
        </div>
        <aside className="space-y-6">
          <LinkPanel
            programmeId={id}
            link={{
              status: link?.status ?? "none",
              url: link?.token ? `${env().APP_URL}/p/${link.token}` : null,
              expiresOn: link ? formatDate(link.expiresAt) : null,
              shortAddress: link?.shortCode ? shortAddress(env().APP_URL, link.shortCode) : null,
            }}
          >
            {patient ? (
              <LinkEmail
                programmeId={id}
                patientEmail={patient.email}
                requestId={crypto.randomUUID()}
                last={
                  lastEmail
                    ? {
                        id: lastEmail.id,
                        status: lastEmail.status,
                        lastError: lastEmail.lastError ?? null,
                        at: formatDate(lastEmail.createdAt, {
                          day: "numeric",
                          month: "short",
                          hour: "2-digit",
                          minute: "2-digit",
                          timeZone,
                        }),
                      }
                    : null
                }
              />
            ) : null}
          </LinkPanel>
          <OutcomeSchedule
            programmeId={id}
            measures={measures.map(({ key, title, shortTitle, mcid }) => ({ key, title, shortTitle, mcid }))}
            rules={schedule}
          />
          <ReminderStatus
            sendAtMinute={reminder?.sendAtMinute ?? null}
            unsubscribedOn={
              reminder?.unsubscribedAt
                ? formatDate(reminder.unsubscribedAt, { day: "numeric", month: "short", year: "numeric", timeZone })
                : null
            }
            lastSentOn={reminder?.lastSentOn ? formatDate(reminder.lastSentOn) : null}
            timeZone={timeZone}
          />
          <section className="card p-5" aria-labelledby="history">
            <h2 id="history" className="text-lg font-bold">
              Version history
            </h2>
            <ol className="mt-3 space-y-2" data-testid="version-history">
              {versions.rows.map((v) => (
                <li key={v.version} className="flex items-baseline justify-between gap-3 text-sm">
                  <Link href={`/programmes/${id}/versions/${v.version}`} className="link">
                    Version {v.version}
                    {v.version === current ? " (current)" : ""}
                  </Link>
                  <span className="text-muted">
                    {formatDate(v.createdAt, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone })}
                  </span>
                </li>
              ))}
            </ol>
            <Pager page={versions} path={`/programmes/${id}`} params={{}} param="versions" noun="versions" />
          </section>
        </aside>
      </div>
    </>
  );
}

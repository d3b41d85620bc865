import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { getDb } from "@/db/client";
import { listClinicians } from "@/db/queries/clinicians";
import { getClinic } from "@/db/queries/clinics";
import { latestEmailsFor } from "@/db/queries/email";
import { listPendingInvitations } from "@/db/queries/invitations";
import { PageHeader } from "@/components/ui/page-header";
import { requireOwner } from "@/lib/auth/dal";
import { retryEmailAction } from "../mailbox/actions";
import { RowAction } from "../_components/row-action";
import { formatDate } from "@/lib/dates";
import { Avatar, SettingsSection } from "../_components/settings-section";
import { emailStatusWords, StatusBadge } from "../_components/status-badge";
import { disableClinicianAction, enableClinicianAction, revokeInvitationAction } from "./actions";
import { ApiKeysSection } from "./api-keys-section";
import { OutcomeMeasuresSection } from "./outcome-measures-section";
import { ClinicDetailsForm } from "./clinic-details-form";
import { effectiveTimeZone, timeZoneNames } from "@/lib/time/zone";
import { InviteForm } from "./invite-form";

export const metadata: Metadata = { title: "Clinic settings" };

const roleWords = { owner: "Owner", clinician: "Clinician" } as const;

export default async function SettingsPage() {
  const session = await requireOwner();
  const db = await getDb();
  const key = { clinicId: session.clinicId };
  const [clinic, team, invitations] = await Promise.all([getClinic(db, key), listClinicians(db, key), listPendingInvitations(db, key)]);
  if (!clinic) throw new Error("the signed-in clinician's clinic is missing");
  const emails = await latestEmailsFor(db, { clinicId: session.clinicId, subjectRefs: invitations.map((i) => i.id) });
  const active = team.filter((c) => !c.disabledAt).length;

  return (
    <>
      <PageHeader title="Clinic settings" description={`How ${clinic.name} appears on handouts, and who can sign in.`} />
      <div className="max-w-5xl">
        <SettingsSection
          id="details"
          title="Clinic details"
          description="Printed at the top of every handout, so patients know who to call. Changes apply to handouts printed from now on."
        >
          <ClinicDetailsForm clinic={{ ...clinic, timeZone: effectiveTimeZone(null, clinic.timeZone) }} timeZones={timeZoneNames()} />
        </SettingsSection>

        <SettingsSection
          id="team"
          title="Team"
          description={
            <>
              {active} active {active === 1 ? "member" : "members"}. A disabled clinician cannot sign in, and any session they have open
              ends at once. Their patients and programmes stay with the clinic.
            </>
          }
        >
          <ul className="card divide-y divide-line" aria-label="Clinicians">
            {team.map((member) => {
              const you = member.id === session.clinicianId;
              return (
                <li key={member.id} className="flex flex-wrap items-center gap-x-4 gap-y-3 p-4" data-testid="team-member">
                  <div className="flex min-w-0 flex-1 basis-60 items-center gap-3">
                    <Avatar name={member.name} muted={Boolean(member.disabledAt)} />
                    <div className="min-w-0">
                      <p className={`truncate font-bold ${member.disabledAt ? "text-muted" : ""}`}>
                        {member.name}
                        {you ? <span className="font-normal text-muted"> (you)</span> : null}
                      </p>
                      <p className="truncate text-sm text-muted">{member.email}</p>
                    </div>
                  </div>
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-2 sm:ml-auto sm:justify-end">
                    <StatusBadge tone={member.role === "owner" ? "brand" : "neutral"}>{roleWords[member.role]}</StatusBadge>
                    {member.disabledAt ? (
                      <StatusBadge tone="danger">Disabled {formatDate(member.disabledAt)}</StatusBadge>
                    ) : (
                      <StatusBadge tone="ok">Active</StatusBadge>
                    )}
                    {you ? null : member.disabledAt ? (
                      <RowAction action={enableClinicianAction} id={member.id} label="Re-enable" pendingLabel="Enabling…" />
                    ) : (
                      <RowAction
                        action={disableClinicianAction}
                        id={member.id}
                        label="Disable"
                        pendingLabel="Disabling…"
                        className="btn-danger"
                        confirm={{ question: `Disable ${member.name}?`, yes: "Yes, disable" }}
                      />
                    )}
                  </div>
                </li>
              );
            })}
          </ul>

          {invitations.length > 0 ? (
            <div className="card">
              <h3 className="border-b border-line px-4 py-3 font-bold">Waiting to accept</h3>
              <ul className="divide-y divide-line" aria-label="Pending invitations">
                {invitations.map((invitation) => {
                  const email = emails.get(invitation.id);
                  const status = email ? emailStatusWords(email.status, email.attempts) : null;
                  return (
                    <li key={invitation.id} className="flex flex-wrap items-center gap-x-4 gap-y-3 p-4" data-testid="invitation">
                      <div className="flex min-w-0 flex-1 basis-60 items-center gap-3">
                        <Avatar name={invitation.name || invitation.email} muted />
                        <div className="min-w-0">
                          <p className="truncate font-bold">{invitation.name || invitation.email}</p>
                          {invitation.name ? <p className="truncate text-sm text-muted">{invitation.email}</p> : null}
                          <p className="text-sm text-muted">
                            {roleWords[invitation.role]} · link expires {formatDate(invitation.expiresAt)}
                          </p>
                        </div>
                      </div>
                      <div className="flex flex-wrap items-center gap-x-3 gap-y-2 sm:ml-auto sm:justify-end">
                        {status ? <StatusBadge tone={status.tone}>Email {status.label.toLowerCase()}</StatusBadge> : null}
                        {email?.status === "failed" ? (
                          <RowAction action={retryEmailAction} id={email.id} label="Send again" pendingLabel="Sending…" />
                        ) : null}
                        <RowAction
                          action={revokeInvitationAction}
                          id={invitation.id}
                          label="Revoke"
                          pendingLabel="Revoking…"
                          className="btn-danger"
                          confirm={{ question: "Revoke this invitation?", yes: "Yes, revoke" }}
                        />
                      </div>
                    </li>
                  );
                })}
              </ul>
            </div>
          ) : null}

          <InviteForm requestId={randomUUID()} />
        </SettingsSection>
        <ApiKeysSection clinicId={session.clinicId} />
        <OutcomeMeasuresSection clinicId={session.clinicId} />
      </div>
    </>
  );
}

import "server-only";
import type { Database } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { findClinicianForSignIn, insertClinician } from "@/db/queries/clinicians";
import { getClinic, isUniqueViolation } from "@/db/queries/clinics";
import { consumeInvitation, countRecentInvitations, insertInvitation, revokePendingInvitationsFor } from "@/db/queries/invitations";
import { invitationToMemberEmail } from "@/lib/email/account-emails";
import { hashToken, newToken } from "@/lib/crypto/token";
import { enqueueEmail } from "@/lib/email/outbox";
import { invitationEmail } from "@/lib/email/templates";
import { env } from "@/lib/env";
import { hashPassword } from "./password";
import type { Role } from "@/lib/domain/clinic";

const INVITATION_DAYS = 7;

/** One answer for every link that cannot be used, so none reveals more than another. */
export const INVITATION_UNUSABLE = "This invitation link has expired or was already used. Ask your clinic for a new one.";

/** A bearer token for the invitation link; only its SHA-256 is stored. */
export function newInvitationToken(): { token: string; tokenHash: Buffer } {
  const token = newToken();
  return { token, tokenHash: hashToken(token) };
}

const invitationUrl = (token: string) => `${env().APP_URL}/invite/${token}`;

/**
 * Invitations a clinic may send a day. A clinic in its first week gets fewer: a new
 * clinic is where a spammer would start.
 */
export const INVITATION_QUOTA = { perDay: 20, newClinicPerDay: 5, newClinicDays: 7 } as const;

class DuplicateRequest extends Error {}
class OverQuota extends Error {}

export type InviteOutcome =
  { ok: true; invitationId: string; emailId: string } | { ok: false; reason: "already_member" | "duplicate" | "over_quota" };

/**
 * Invitation, its email and the audit event in one transaction: the email goes out
 * exactly when the invitation exists. `requestId` comes from the form, so a double
 * submit (or a retried request) sends one email, not two.
 *
 * An address that already has an account in another clinic gets the same invitation row
 * and the same answer (the inviter must not learn who has an account), but its email says
 * a clinic tried to add them instead of carrying a link. Someone already in this clinic is
 * on the team list anyway, so that case is said plainly.
 */
export async function inviteClinician(
  db: Database,
  input: {
    clinicId: string;
    invitedBy: { id: string; name: string };
    email: string;
    name: string;
    role: Role;
    requestId: string;
    ip: string;
  },
): Promise<InviteOutcome> {
  const existing = await findClinicianForSignIn(db, input.email);
  if (existing?.clinicId === input.clinicId) return { ok: false, reason: "already_member" };
  const { token, tokenHash } = newInvitationToken();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
  try {
    return await db.transaction(async (tx) => {
      const clinic = await getClinic(tx, { clinicId: input.clinicId });
      // Counted from the invitations themselves, under a lock on the clinic: a refused
      // request writes nothing and a duplicate one rolls back with its row.
      if ((await countRecentInvitations(tx, { clinicId: input.clinicId, hours: 24 })) >= dailyQuota(clinic?.createdAt))
        throw new OverQuota();
      await revokePendingInvitationsFor(tx, { clinicId: input.clinicId, email: input.email });
      const invitation = await insertInvitation(tx, {
        clinicId: input.clinicId,
        email: input.email,
        name: input.name,
        role: input.role,
        tokenHash,
        invitedBy: input.invitedBy.id,
        expiresAt,
      });
      const names = { clinicName: clinic?.name ?? "your clinic", inviterName: input.invitedBy.name };
      const message = existing
        ? invitationToMemberEmail({ ...names, signInUrl: `${env().APP_URL}/sign-in` })
        : invitationEmail({ ...names, inviteeName: input.name, role: input.role, url: invitationUrl(token), expiresAt });
      const email = await enqueueEmail(tx, {
        clinicId: input.clinicId,
        idempotencyKey: `invitation:${input.requestId}`,
        kind: "invitation",
        to: input.email,
        ...message,
        subjectRef: invitation.id,
      });
      if (!email.created) throw new DuplicateRequest();
      await recordAudit(tx, {
        clinicId: input.clinicId,
        actorId: input.invitedBy.id,
        action: "invitation.created",
        objectType: "invitation",
        objectId: invitation.id,
        ip: input.ip,
        detail: { role: input.role },
      });
      return { ok: true as const, invitationId: invitation.id, emailId: email.id };
    });
  } catch (error) {
    if (error instanceof DuplicateRequest) return { ok: false, reason: "duplicate" };
    if (error instanceof OverQuota) return { ok: false, reason: "over_quota" };
    throw error;
  }
}

function dailyQuota(clinicCreatedAt: Date | undefined): number {
  const young = !clinicCreatedAt || Date.now() - clinicCreatedAt.getTime() < INVITATION_QUOTA.newClinicDays * 24 * 60 * 60 * 1000;
  return young ? INVITATION_QUOTA.newClinicPerDay : INVITATION_QUOTA.perDay;
}

export type AcceptOutcome = { ok: true; email: string; clinicianId: string } | { ok: false; reason: "unusable" | "email_in_use" };

/**
 * Spends the invitation and creates the clinician in its clinic, with its role, in one
 * transaction: either both happen or neither (an email taken meanwhile leaves the link usable).
 */
export async function acceptInvitation(
  db: Database,
  input: { token: string; name: string; password: string; ip: string },
): Promise<AcceptOutcome> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const invitation = await consumeInvitation(tx, hashToken(input.token));
      if (!invitation) return { ok: false as const, reason: "unusable" as const };
      const clinician = await insertClinician(tx, {
        clinicId: invitation.clinicId,
        email: invitation.email,
        name: input.name,
        passwordHash,
        role: invitation.role,
      });
      await recordAudit(tx, {
        clinicId: invitation.clinicId,
        actorId: clinician.id,
        action: "invitation.accepted",
        objectType: "invitation",
        objectId: invitation.id,
        ip: input.ip,
        detail: { role: invitation.role },
      });
      return { ok: true as const, email: invitation.email, clinicianId: clinician.id };
    });
  } catch (error) {
    if (isUniqueViolation(error, "clinicians_email_key")) return { ok: false, reason: "email_in_use" };
    throw error;
  }
}

"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { setClinicianDisabled } from "@/db/queries/clinicians";
import { updateClinic } from "@/db/queries/clinics";
import { revokeInvitation } from "@/db/queries/invitations";
import { clinicianAction, failure } from "@/lib/actions";
import { INVITATION_QUOTA, inviteClinician } from "@/lib/auth/invitations";
import { deliverSoon } from "@/lib/email/sender";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/request";
import { clinicDetailsSchema, inviteSchema } from "@/lib/validations/auth";

const idSchema = z.object({ id: z.uuid() });
const ip = async () => clientIp(await headers());

export const updateClinicAction = clinicianAction(
  clinicDetailsSchema,
  async (data, session) => {
    const db = await getDb();
    // The change and its audit event land together.
    await db.transaction(async (tx) => {
      await updateClinic(tx, { clinicId: session.clinicId }, data);
      await recordAudit(tx, {
        clinicId: session.clinicId,
        actorId: session.clinicianId,
        action: "clinic.updated",
        objectType: "clinic",
        objectId: session.clinicId,
        ip: await ip(),
      });
    });
    revalidatePath("/", "layout");
    return { ok: true, message: "Saved. New handouts will show these details.", values: { ...data } };
  },
  { owner: true },
);

export const inviteClinicianAction = clinicianAction(
  inviteSchema.extend({ requestId: z.uuid() }),
  async (data, session, formData) => {
    const outcome = await inviteClinician(await getDb(), {
      clinicId: session.clinicId,
      invitedBy: { id: session.clinicianId, name: session.name },
      email: data.email,
      name: data.name,
      role: data.role,
      requestId: data.requestId,
      ip: await ip(),
    });
    const fresh = { requestId: randomUUID() };
    if (!outcome.ok && outcome.reason === "already_member") {
      return failure(formData, "Please correct the highlighted fields.", { email: ["This person is already in your team."] });
    }
    if (!outcome.ok && outcome.reason === "over_quota") {
      const { perDay, newClinicPerDay, newClinicDays } = INVITATION_QUOTA;
      return failure(
        formData,
        `Your clinic has sent as many invitations as it can today (${perDay} a day, ${newClinicPerDay} a day in its first ${newClinicDays} days). Nothing was sent. Please try again tomorrow.`,
      );
    }
    revalidatePath("/settings");
    if (!outcome.ok) return { ok: true, message: `The invitation to ${data.email} was already sent.`, values: fresh };
    deliverSoon();
    const where = env().SMTP_URL ? "It is on its way" : "Email is not set up on this server, so it is waiting in the Mailbox";
    return { ok: true, message: `Invitation created for ${data.email}. ${where}; the link works for 7 days.`, values: fresh };
  },
  { owner: true },
);

export const revokeInvitationAction = clinicianAction(
  idSchema,
  async ({ id }, session, formData) => {
    const db = await getDb();
    // Revoked and audited together; a link that was already spent or revoked changes nothing.
    const revoked = await db.transaction(async (tx) => {
      if (!(await revokeInvitation(tx, { clinicId: session.clinicId, id }))) return false;
      await recordAudit(tx, {
        clinicId: session.clinicId,
        actorId: session.clinicianId,
        action: "invitation.revoked",
        objectType: "invitation",
        objectId: id,
        ip: await ip(),
      });
      return true;
    });
    if (!revoked) return failure(formData, "That invitation was already used, revoked or has expired.");
    revalidatePath("/settings");
    return { ok: true, message: "Invitation revoked. Its link no longer works." };
  },
  { owner: true },
);

function clinicianAccessAction(disabled: boolean) {
  return clinicianAction(
    idSchema,
    async ({ id }, session, formData) => {
      if (id === session.clinicianId) return failure(formData, "You can't disable your own account. Ask another owner.");
      const db = await getDb();
      // The state change (and, on disable, the session version) and its audit event land together.
      const changed = await db.transaction(async (tx) => {
        const row = await setClinicianDisabled(tx, { clinicId: session.clinicId, id }, disabled);
        if (!row) return undefined;
        await recordAudit(tx, {
          clinicId: session.clinicId,
          actorId: session.clinicianId,
          action: disabled ? "clinician.disabled" : "clinician.enabled",
          objectType: "clinician",
          objectId: id,
          ip: await ip(),
        });
        return row;
      });
      if (!changed)
        return failure(formData, `That clinician is already ${disabled ? "disabled" : "active"}, or is no longer in your clinic.`);
      revalidatePath("/settings");
      return {
        ok: true,
        message: disabled
          ? `${changed.name} can no longer sign in, and any session they have open has ended.`
          : `${changed.name} can sign in again.`,
      };
    },
    { owner: true },
  );
}

export const disableClinicianAction = clinicianAccessAction(true);
export const enableClinicianAction = clinicianAccessAction(false);

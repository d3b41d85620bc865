"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { retryEmail } from "@/db/queries/email";
import { clinicianAction, failure } from "@/lib/actions";
import { deliverSoon } from "@/lib/email/sender";
import { clientIp } from "@/lib/request";

/**
 * "Try again" on an email the sender gave up on: any clinician of the clinic, for any of
 * its emails (invitations now, patient links later), not only from the mailbox.
 */
export const retryEmailAction = clinicianAction(z.object({ id: z.uuid() }), async ({ id }, session, formData) => {
  const db = await getDb();
  // Requeued and audited together.
  const requeued = await db.transaction(async (tx) => {
    if (!(await retryEmail(tx, { clinicId: session.clinicId, id }))) return false;
    await recordAudit(tx, {
      clinicId: session.clinicId,
      actorId: session.clinicianId,
      action: "email.retried",
      objectType: "email",
      objectId: id,
      ip: clientIp(await headers()),
    });
    return true;
  });
  if (!requeued) return failure(formData, "Only an email that failed can be sent again. This one is already queued or sent.");
  deliverSoon();
  revalidatePath("/", "layout");
  return { ok: true, message: "Sending again now." };
});

import "server-only";
import type { DatabaseOrTransaction } from "@/db/client";
import { signInAlertEmail } from "@/lib/email/account-emails";
import { enqueueEmail } from "@/lib/email/outbox";
import { env } from "@/lib/env";

/**
 * Tells the owner of an account under a burst of failed sign-ins, through the outbox in
 * the caller's transaction. The key holds the day, so a long attack sends one a day.
 */
export async function sendSignInAlert(tx: DatabaseOrTransaction, clinician: { id: string; clinicId: string; name: string; email: string }) {
  const day = new Date().toISOString().slice(0, 10);
  await enqueueEmail(tx, {
    clinicId: clinician.clinicId,
    idempotencyKey: `sign-in-alert:${clinician.id}:${day}`,
    kind: "sign_in_alert",
    to: clinician.email,
    ...signInAlertEmail({ name: clinician.name, signInUrl: `${env().APP_URL}/sign-in` }),
  });
}

import "server-only";
import type { Database } from "@/db/client";
import { findClinicianForSignIn } from "@/db/queries/clinicians";
import { signUpExistingEmail } from "@/lib/email/account-emails";
import { enqueueEmail } from "@/lib/email/outbox";
import { env } from "@/lib/env";

/**
 * Someone tried to create a clinic with an address that already has an account: its owner
 * hears about it, at most once a day (the key holds the day), so the form cannot be used
 * to flood their inbox.
 */
export async function tellExistingAccount(db: Database, email: string): Promise<void> {
  const clinician = await findClinicianForSignIn(db, email);
  if (!clinician) return;
  const day = new Date().toISOString().slice(0, 10);
  await enqueueEmail(db, {
    clinicId: clinician.clinicId,
    idempotencyKey: `sign-up-existing:${clinician.id}:${day}`,
    kind: "account_exists",
    to: clinician.email,
    ...signUpExistingEmail({ signInUrl: `${env().APP_URL}/sign-in` }),
  });
}

import "server-only";
import type { Database } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { findPasswordHash, updatePassword } from "@/db/queries/clinicians";
import { hit, retryAfterSeconds } from "@/db/queries/rate-limits";
import type { SessionClinician } from "./dal";
import { hashPassword, verifyPassword } from "./password";
import { PAIR_LIMIT, pairKey } from "./sign-in";

export type ChangePasswordOutcome =
  | { ok: true; sessionVersion: number }
  | { ok: false; reason: "wrong_password" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * The current password is checked against the same account-and-address limit as sign-in,
 * so a session left open on a shared computer cannot be used to guess it. A new password
 * moves the session version on, which ends every other session of this clinician.
 */
export async function changePassword(
  db: Database,
  input: { session: SessionClinician; currentPassword: string; newPassword: string; ip: string },
): Promise<ChangePasswordOutcome> {
  const { session } = input;
  const key = { clinicId: session.clinicId, id: session.clinicianId };
  const wait = await retryAfterSeconds(db, pairKey(session.email, input.ip), PAIR_LIMIT);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: wait };

  const currentHash = await findPasswordHash(db, key);
  if (!currentHash || !(await verifyPassword(currentHash, input.currentPassword))) {
    // The failure counts towards the limit and is audited together.
    await db.transaction(async (tx) => {
      await hit(tx, pairKey(session.email, input.ip), PAIR_LIMIT);
      await recordAudit(tx, {
        clinicId: session.clinicId,
        actorId: session.clinicianId,
        action: "password.change_refused",
        objectType: "clinician",
        objectId: session.clinicianId,
        ip: input.ip,
        detail: { reason: "wrong_current_password" },
      });
    });
    return { ok: false, reason: "wrong_password" };
  }

  const passwordHash = await hashPassword(input.newPassword);
  // The new hash and its audit event land together or not at all.
  const sessionVersion = await db.transaction(async (tx) => {
    const version = await updatePassword(tx, key, passwordHash);
    await recordAudit(tx, {
      clinicId: session.clinicId,
      actorId: session.clinicianId,
      action: "password.changed",
      objectType: "clinician",
      objectId: session.clinicianId,
      ip: input.ip,
    });
    return version;
  });
  if (sessionVersion === undefined) return { ok: false, reason: "wrong_password" };
  return { ok: true, sessionVersion };
}

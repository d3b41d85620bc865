import "server-only";
import type { Database } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { findClinicianForSignIn } from "@/db/queries/clinicians";
import { hit, reset, retryAfterSeconds, unhit, type Limit } from "@/db/queries/rate-limits";
import { getDummyHash, verifyPassword } from "./password";

/** 10 failures in 15 minutes lock an account; an address gets more room (a clinic shares one). */
export const ACCOUNT_LIMIT: Limit = { max: 10, windowSeconds: 15 * 60 };
export const IP_LIMIT: Limit = { max: 50, windowSeconds: 15 * 60 };

export type SignInOutcome =
  | { ok: true; user: { id: string; clinicId: string; role: "owner" | "clinician"; sessionVersion: number; name: string; email: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export const accountKey = (email: string) => `signin:account:${email.toLowerCase()}`;
const ipKey = (ip: string) => `signin:ip:${ip}`;

/**
 * Checks a password with the same work and the same answer whether or not the account
 * exists or is disabled, so neither timing nor wording reveals who has an account.
 * A throttled attempt is refused before the password is looked at.
 */
export async function authenticate(db: Database, input: { email: string; password: string; ip: string }): Promise<SignInOutcome> {
  const email = input.email.trim().toLowerCase();
  // Each attempt is counted before the password is looked at; the counts are atomic, so
  // a burst of parallel attempts cannot all pass a check made before any was counted.
  const [accountCount, ipCount] = await db.transaction(async (tx) => [
    await hit(tx, accountKey(email), ACCOUNT_LIMIT),
    await hit(tx, ipKey(input.ip), IP_LIMIT),
  ]);
  const wait =
    accountCount > ACCOUNT_LIMIT.max || ipCount > IP_LIMIT.max
      ? Math.max(
          await retryAfterSeconds(db, accountKey(email), ACCOUNT_LIMIT),
          await retryAfterSeconds(db, ipKey(input.ip), IP_LIMIT),
          60,
        )
      : 0;
  if (wait > 0) {
    await recordAudit(db, { action: "sign_in.throttled", ip: input.ip, detail: {} });
    return { ok: false, reason: "throttled", retryAfterSeconds: wait };
  }

  const clinician = await findClinicianForSignIn(db, email);
  const passwordOk = await verifyPassword(clinician?.passwordHash ?? (await getDummyHash()), input.password);
  const allowed = Boolean(clinician && passwordOk && !clinician.disabledAt);

  if (!allowed || !clinician) {
    await db.transaction(async (tx) => {
      await recordAudit(tx, {
        clinicId: clinician?.clinicId ?? null,
        actorId: clinician?.id ?? null,
        action: "sign_in.failure",
        objectType: "clinician",
        objectId: clinician?.id ?? null,
        ip: input.ip,
        detail: { reason: !clinician ? "unknown_account" : clinician.disabledAt ? "disabled" : "wrong_password" },
      });
    });
    return { ok: false, reason: "invalid" };
  }

  await db.transaction(async (tx) => {
    await reset(tx, accountKey(email));
    // A success is not a failure: give the address its attempt back.
    await unhit(tx, ipKey(input.ip));
    await recordAudit(tx, {
      clinicId: clinician.clinicId,
      actorId: clinician.id,
      action: "sign_in.success",
      objectType: "clinician",
      objectId: clinician.id,
      ip: input.ip,
    });
  });
  return {
    ok: true,
    user: {
      id: clinician.id,
      clinicId: clinician.clinicId,
      role: clinician.role,
      sessionVersion: clinician.sessionVersion,
      name: clinician.name,
      email: clinician.email,
    },
  };
}

import "server-only";
import type { Database } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { findClinicianForSignIn } from "@/db/queries/clinicians";
import {
  admitWithBackoff,
  hit,
  remember,
  remembered,
  reset,
  retryAfterSeconds,
  unhit,
  type Backoff,
  type Limit,
} from "@/db/queries/rate-limits";
import { sendSignInAlert } from "./sign-in-alert";
import { getDummyHash, verifyPassword } from "./password";
import type { Role } from "@/lib/domain/clinic";

/**
 * Three limits, none of which a stranger can use to keep the owner out:
 * - one account from one address: 10 tries in 15 minutes, then that pair waits;
 * - one address over all accounts: 50 in 15 minutes (a clinic shares one address);
 * - one account from addresses it has not signed in from: 5 tries, then each further one
 *   waits 1 s, 2 s, 4 s … at most 60 s. A spray from many addresses is slowed to one guess
 *   a minute, while the owner, from an address they signed in from lately, is not delayed.
 */
export const PAIR_LIMIT: Limit = { max: 10, windowSeconds: 15 * 60 };
const IP_LIMIT: Limit = { max: 50, windowSeconds: 15 * 60 };
const ACCOUNT_BACKOFF: Backoff = { free: 5, baseSeconds: 1, capSeconds: 60, idleSeconds: 15 * 60 };
/** Admitted failures from strange addresses after which the owner hears about it (once a day). */
const ALERT_AFTER = 10;
/** An address stays "usual" for an account this long after a successful sign-in from it. */
const USUAL_ADDRESS_DAYS = 30;

export type SignInOutcome =
  | { ok: true; user: { id: string; clinicId: string; role: Role; sessionVersion: number; name: string; email: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

const accountKey = (email: string) => `signin:account:${email.toLowerCase()}`;
export const pairKey = (email: string, ip: string) => `signin:pair:${email.toLowerCase()}|${ip}`;
const usualKey = (email: string, ip: string) => `signin:usual:${email.toLowerCase()}|${ip}`;
const ipKey = (ip: string) => `signin:ip:${ip}`;

/**
 * Checks a password with the same work and the same answer whether or not the account
 * exists or is disabled, so neither timing nor wording reveals who has an account (every
 * key is the typed email, so the limits run the same for unknown addresses too).
 * A throttled attempt is refused before the password is looked at.
 */
export async function authenticate(db: Database, input: { email: string; password: string; ip: string }): Promise<SignInOutcome> {
  const email = input.email.trim().toLowerCase();
  // Each attempt is counted before the password is looked at; the counts are atomic, so
  // a burst of parallel attempts cannot all pass a check made before any was counted.
  const gate = await db.transaction(async (tx) => {
    const pairCount = await hit(tx, pairKey(email, input.ip), PAIR_LIMIT);
    const ipCount = await hit(tx, ipKey(input.ip), IP_LIMIT);
    if (pairCount > PAIR_LIMIT.max || ipCount > IP_LIMIT.max) {
      const wait = Math.max(
        await retryAfterSeconds(tx, pairKey(email, input.ip), PAIR_LIMIT),
        await retryAfterSeconds(tx, ipKey(input.ip), IP_LIMIT),
        60,
      );
      return { throttled: wait, strangerCount: 0 };
    }
    if (await remembered(tx, usualKey(email, input.ip))) return { throttled: 0, strangerCount: 0 };
    const admission = await admitWithBackoff(tx, accountKey(email), ACCOUNT_BACKOFF);
    return admission.admitted
      ? { throttled: 0, strangerCount: admission.count }
      : { throttled: admission.retryAfterSeconds, strangerCount: 0 };
  });
  if (gate.throttled > 0) {
    await recordAudit(db, { action: "sign_in.throttled", ip: input.ip, detail: {} });
    return { ok: false, reason: "throttled", retryAfterSeconds: gate.throttled };
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
      if (clinician && gate.strangerCount >= ALERT_AFTER) await sendSignInAlert(tx, clinician);
    });
    return { ok: false, reason: "invalid" };
  }

  await db.transaction(async (tx) => {
    // Only a success through the strangers' gate clears it: the owner signing in at their
    // desk must not hand a spray elsewhere its free attempts back.
    if (gate.strangerCount > 0) await reset(tx, accountKey(email));
    await reset(tx, pairKey(email, input.ip));
    // A success is not a failure: give the address its attempt back.
    await unhit(tx, ipKey(input.ip));
    await remember(tx, usualKey(email, input.ip), USUAL_ADDRESS_DAYS * 24 * 60 * 60);
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

/** "Too many attempts. Try again in 8 seconds." — seconds while the wait is short, minutes after. */
export function tryAgainMessage(retryAfterSeconds: number): string {
  if (retryAfterSeconds < 60) {
    const s = Math.max(1, Math.ceil(retryAfterSeconds));
    return `Too many attempts. Try again in ${s} second${s === 1 ? "" : "s"}.`;
  }
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

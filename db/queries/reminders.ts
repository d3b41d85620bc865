import "server-only";
import { and, eq, gt, gte, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { rowsOf, type DatabaseOrTransaction } from "@/db/client";
import { clinics, patientLinks, patients, programmes, programmeVersions, reminderSettings, sessionLogs } from "@/db/schema";
import { LOG_QUOTAS } from "@/lib/domain/patient-link";
import { recordAudit } from "./audit";
import { hit, retryAfterSeconds } from "./rate-limits";

type ProgrammeRef = { clinicId: string; programmeId: string };

export type ReminderState = { sendAtMinute: number | null; unsubscribedAt: Date | null; lastSentOn: string | null };

export async function getReminder(db: DatabaseOrTransaction, ref: ProgrammeRef): Promise<ReminderState | null> {
  const [row] = await db
    .select({
      sendAtMinute: reminderSettings.sendAtMinute,
      unsubscribedAt: reminderSettings.unsubscribedAt,
      lastSentOn: reminderSettings.lastSentOn,
    })
    .from(reminderSettings)
    .where(and(eq(reminderSettings.clinicId, ref.clinicId), eq(reminderSettings.programmeId, ref.programmeId)));
  return row ?? null;
}

/**
 * The patient's own choice from their page: a time turns reminders on (and undoes an
 * earlier unsubscribe, since this is the patient asking again), null turns them off.
 * Each change is an audit row, which can never be deleted, so changes through one link
 * share the hourly quota of its other posts; past it nothing is written and the wait is returned.
 */
export async function setReminder(
  db: DatabaseOrTransaction,
  ref: ProgrammeRef & { patientId: string; linkId: string },
  sendAtMinute: number | null,
): Promise<{ retryAfter: number } | null> {
  const burstKey = `reminder-burst:${ref.linkId}`;
  if ((await hit(db, burstKey, LOG_QUOTAS.burst)) > LOG_QUOTAS.burst.max) {
    return { retryAfter: Math.max(1, await retryAfterSeconds(db, burstKey, LOG_QUOTAS.burst)) };
  }
  await db
    .insert(reminderSettings)
    .values({ clinicId: ref.clinicId, programmeId: ref.programmeId, patientId: ref.patientId, sendAtMinute })
    .onConflictDoUpdate({
      target: [reminderSettings.clinicId, reminderSettings.programmeId],
      set: { sendAtMinute, unsubscribedAt: sendAtMinute === null ? sql`${reminderSettings.unsubscribedAt}` : null, updatedAt: sql`now()` },
    });
  await recordAudit(db, {
    clinicId: ref.clinicId,
    action: sendAtMinute === null ? "reminder.turned_off" : "reminder.turned_on",
    objectType: "programme",
    objectId: ref.programmeId,
    detail: { linkId: ref.linkId, sendAtMinute },
  });
  return null;
}

/** The one-click unsubscribe: off, and remembered as the patient's refusal. True when it changed something. */
export async function unsubscribeReminder(db: DatabaseOrTransaction, ref: ProgrammeRef): Promise<boolean> {
  const rows = await db
    .update(reminderSettings)
    .set({ sendAtMinute: null, unsubscribedAt: sql`now()`, updatedAt: sql`now()` })
    .where(
      and(
        eq(reminderSettings.clinicId, ref.clinicId),
        eq(reminderSettings.programmeId, ref.programmeId),
        isNotNull(reminderSettings.sendAtMinute),
      ),
    )
    .returning({ programmeId: reminderSettings.programmeId });
  if (rows.length === 0) return false;
  await recordAudit(db, { clinicId: ref.clinicId, action: "reminder.unsubscribed", objectType: "programme", objectId: ref.programmeId });
  return true;
}

export type ReminderCandidate = {
  clinicId: string;
  programmeId: string;
  patientId: string;
  email: string;
  sendAtMinute: number;
  lastSentOn: string | null;
  patientZone: string | null;
  clinicZone: string | null;
  clinicName: string;
  linkId: string;
  tokenCiphertext: string;
  startDate: string | null;
  reviewDate: string | null;
  daysPerWeek: number;
};

/**
 * Every reminder that is on, for a live programme of a current patient with a live link,
 * across all clinics: the sweep works for the whole instance, like the email sender, so
 * this is one of the few queries without a clinic filter. Whether today is a planned day
 * and the local time has come is decided by the caller, in each patient's zone.
 */
export async function listReminderCandidates(db: DatabaseOrTransaction): Promise<ReminderCandidate[]> {
  const daysPerWeek = sql<number>`(select coalesce(max(i.days_per_week), 0)::int from programme_items i
    where i.clinic_id = ${programmes.clinicId} and i.programme_id = ${programmes.id} and i.version = ${programmes.currentVersion})`;
  const rows = await db
    .select({
      clinicId: reminderSettings.clinicId,
      programmeId: reminderSettings.programmeId,
      patientId: reminderSettings.patientId,
      email: patients.email,
      sendAtMinute: reminderSettings.sendAtMinute,
      lastSentOn: reminderSettings.lastSentOn,
      patientZone: patients.timeZone,
      clinicZone: clinics.timeZone,
      clinicName: clinics.name,
      linkId: patientLinks.id,
      tokenCiphertext: patientLinks.tokenCiphertext,
      startDate: programmeVersions.startDate,
      reviewDate: programmeVersions.reviewDate,
      daysPerWeek,
    })
    .from(reminderSettings)
    .innerJoin(clinics, eq(clinics.id, reminderSettings.clinicId))
    .innerJoin(programmes, and(eq(programmes.clinicId, reminderSettings.clinicId), eq(programmes.id, reminderSettings.programmeId)))
    .innerJoin(
      programmeVersions,
      and(
        eq(programmeVersions.clinicId, programmes.clinicId),
        eq(programmeVersions.programmeId, programmes.id),
        eq(programmeVersions.version, programmes.currentVersion),
      ),
    )
    .innerJoin(patients, and(eq(patients.clinicId, programmes.clinicId), eq(patients.id, programmes.patientId)))
    .innerJoin(
      patientLinks,
      and(
        eq(patientLinks.clinicId, programmes.clinicId),
        eq(patientLinks.programmeId, programmes.id),
        isNull(patientLinks.revokedAt),
        gt(patientLinks.expiresAt, sql`now()`),
      ),
    )
    .where(
      and(
        isNotNull(reminderSettings.sendAtMinute),
        isNull(reminderSettings.unsubscribedAt),
        isNull(programmes.archivedAt),
        isNull(patients.archivedAt),
        // The patient the reminder was chosen for still owns the programme.
        eq(patients.id, reminderSettings.patientId),
      ),
    );
  return rows.map((r) => ({ ...r, sendAtMinute: r.sendAtMinute!, daysPerWeek: Number(r.daysPerWeek) }));
}

/** Whether any session of the programme was logged in [from, to). */
export async function loggedBetween(db: DatabaseOrTransaction, ref: ProgrammeRef & { from: Date; to: Date }): Promise<boolean> {
  const [row] = await db
    .select({ id: sessionLogs.id })
    .from(sessionLogs)
    .where(
      and(
        eq(sessionLogs.clinicId, ref.clinicId),
        eq(sessionLogs.programmeId, ref.programmeId),
        gte(sessionLogs.completedAt, ref.from),
        lt(sessionLogs.completedAt, ref.to),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/**
 * Marks `day` as reminded, if it was not and reminders are still on. The row lock makes
 * this the fence between two sweeps racing for one reminder: only one gets true.
 */
export async function claimReminderDay(db: DatabaseOrTransaction, ref: ProgrammeRef & { day: string }): Promise<boolean> {
  const rows = await db
    .update(reminderSettings)
    .set({ lastSentOn: ref.day })
    .where(
      and(
        eq(reminderSettings.clinicId, ref.clinicId),
        eq(reminderSettings.programmeId, ref.programmeId),
        isNotNull(reminderSettings.sendAtMinute),
        isNull(reminderSettings.unsubscribedAt),
        or(isNull(reminderSettings.lastSentOn), sql`${reminderSettings.lastSentOn} <> ${ref.day}`),
      ),
    )
    .returning({ programmeId: reminderSettings.programmeId });
  return rows.length > 0;
}

/**
 * One sweep at a time across every app instance: a transaction-scoped advisory lock, let
 * go at commit. False when another sweep holds it.
 */
export async function trySweepLock(db: DatabaseOrTransaction): Promise<boolean> {
  const [row] = rowsOf<{ locked: boolean }>(
    await db.execute(sql`select pg_try_advisory_xact_lock(hashtext('homeplan:reminder-sweep')) as locked`),
  );
  return row?.locked === true;
}

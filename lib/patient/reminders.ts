import "server-only";
import type { Database } from "@/db/client";
import { claimReminderDay, listReminderCandidates, loggedBetween, trySweepLock, type ReminderCandidate } from "@/db/queries/reminders";
import { isQuiet, REMINDER_SWEEP_MS } from "@/lib/domain/reminders";
import { reminderEmail } from "@/lib/email/patient-emails";
import { enqueueEmail } from "@/lib/email/outbox";
import { deliverSoon } from "@/lib/email/sender";
import { env } from "@/lib/env";
import { decryptToken, linkKey } from "@/lib/links/token";
import { unsubscribeKey, unsubscribeToken } from "@/lib/links/unsubscribe";
import { effectiveTimeZone, wallClock, zonedDay, type WallClock } from "@/lib/time/zone";

/**
 * Whether a planned session falls on this local day: the programme has started and not
 * reached its review date, and the weekday is one of its sessions' days, counted from
 * Monday as the calendar file schedules them (5 days a week: Monday to Friday).
 */
export function isPlannedDay(p: { startDate: string | null; reviewDate: string | null; daysPerWeek: number }, clock: WallClock): boolean {
  if (p.daysPerWeek < 1) return false;
  if (p.startDate && clock.date < p.startDate) return false;
  if (p.reviewDate && clock.date > p.reviewDate) return false;
  return clock.weekday < Math.min(7, p.daysPerWeek);
}

/** Due now: a planned day, the chosen time has come, outside quiet hours, and not already reminded today. */
export function reminderDue(
  c: Pick<ReminderCandidate, "sendAtMinute" | "lastSentOn" | "startDate" | "reviewDate" | "daysPerWeek">,
  clock: WallClock,
): boolean {
  return isPlannedDay(c, clock) && clock.minute >= c.sendAtMinute && !isQuiet(clock.minute) && c.lastSentOn !== clock.date;
}

export type SweepReport = { sent: number; considered: number; skipped: boolean };

/**
 * Queues today's reminder for every patient who asked for one, has a session planned
 * today and has logged none by their chosen time. A plain function of `now`, so tests
 * run it on a fake clock. Safe to run twice or on two instances at once: one sweep holds
 * an advisory lock, each day is claimed on the reminder's row before its email is
 * queued, and the email's idempotency key names the programme and the day.
 */
export async function sweepReminders(db: Database, now: Date = new Date()): Promise<SweepReport> {
  const { APP_URL, AUTH_SECRET } = env();
  const key = linkKey(AUTH_SECRET);
  return db.transaction(async (tx) => {
    if (!(await trySweepLock(tx))) return { sent: 0, considered: 0, skipped: true };
    const candidates = await listReminderCandidates(tx);
    let sent = 0;
    for (const c of candidates) {
      const zone = effectiveTimeZone(c.patientZone, c.clinicZone);
      const clock = wallClock(now, zone);
      if (!reminderDue(c, clock)) continue;
      const [dayStart] = zonedDay(now, zone);
      if (await loggedBetween(tx, { clinicId: c.clinicId, programmeId: c.programmeId, from: dayStart, to: now })) continue;
      const token = decryptToken(c.tokenCiphertext, key);
      if (!token) continue;
      if (!(await claimReminderDay(tx, { clinicId: c.clinicId, programmeId: c.programmeId, day: clock.date }))) continue;
      const unsubscribeUrl = `${APP_URL}/api/unsubscribe/${unsubscribeToken(c, unsubscribeKey(key))}`;
      const email = reminderEmail({ clinicName: c.clinicName, url: `${APP_URL}/p/${token}`, unsubscribeUrl });
      const queued = await enqueueEmail(tx, {
        clinicId: c.clinicId,
        idempotencyKey: `reminder:${c.programmeId}:${clock.date}`,
        kind: "reminder",
        to: c.email,
        ...email,
        subjectRef: c.programmeId,
        headers: { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
      });
      if (queued.created) sent += 1;
    }
    return { sent, considered: candidates.length, skipped: false };
  });
}

/** The sweep on an interval inside the app. Returns a stop function. */
export function startReminderSweep(getDb: () => Promise<Database>, intervalMs = REMINDER_SWEEP_MS): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const report = await sweepReminders(await getDb());
      if (report.sent > 0) deliverSoon();
    } catch (error) {
      console.error(`[homeplan] reminder sweep failed: ${(error as Error).message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}

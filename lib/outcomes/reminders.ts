import "server-only";
import { getDb, type Database } from "@/db/client";
import { getCurrentLink } from "@/lib/links/current";
import { getReminder } from "@/db/queries/reminders";
import { listScheduledProgrammes } from "@/db/queries/outcomes";
import { outcomeReminderEmail } from "@/lib/email/outcome-templates";
import { enqueueEmail } from "@/lib/email/outbox";
import { deliverSoon } from "@/lib/email/sender";
import { env } from "@/lib/env";
import { logError } from "@/lib/errors";
import { linkKey } from "@/lib/links/token";
import { firstName, loadDueOutcomes } from "./due";

/**
 * Whether the patient wants reminder emails for this programme: their own choice on their
 * page. Someone who never chose is reminded that a questionnaire is due; someone who chose
 * "No reminders" or unsubscribed from a reminder email is not.
 */
async function patientAcceptsReminders(db: Database, ref: { clinicId: string; programmeId: string }): Promise<boolean> {
  const choice = await getReminder(db, ref);
  return !choice || (choice.sendAtMinute !== null && choice.unsubscribedAt === null);
}

const SWEEP_MS = 60 * 60_000;

/**
 * Emails each patient whose measure is overdue, once per occasion: the outbox's
 * idempotency key names the programme, the measures and the occasion, so an hourly
 * sweep, or two servers sweeping, queue one email. Only a patient with a live link.
 */
export async function queueOverdueReminders(db: Database, now = new Date()): Promise<number> {
  const settings = env();
  let queued = 0;
  for (const p of await listScheduledProgrammes(db)) {
    const outcomes = await loadDueOutcomes(db, { clinicId: p.clinicId, programmeId: p.programmeId }, now);
    const overdue = outcomes?.due.filter((d) => d.overdue) ?? [];
    if (!outcomes || overdue.length === 0) continue;
    if (!(await patientAcceptsReminders(db, { clinicId: p.clinicId, programmeId: p.programmeId }))) continue;
    const link = await getCurrentLink(db, { clinicId: p.clinicId, programmeId: p.programmeId, key: linkKey(settings.AUTH_SECRET) });
    if (!link?.token) continue;
    const since = Math.max(...overdue.map((d) => d.since.getTime()));
    const email = outcomeReminderEmail({
      clinicName: p.clinicName,
      clinicianFirstName: firstName(outcomes.clinicianName),
      url: `${settings.APP_URL}/p/${link.token}/questions`,
    });
    const { created } = await enqueueEmail(db, {
      clinicId: p.clinicId,
      idempotencyKey: `outcome-due:${p.programmeId}:${new Date(since).toISOString()}`,
      kind: "outcome_reminder",
      to: p.email,
      ...email,
      subjectRef: link.id,
    });
    if (created) queued++;
  }
  return queued;
}

let timer: ReturnType<typeof setInterval> | undefined;

/** Sweeps hourly in the background; the first sweep a minute after start-up. */
export function startOutcomeReminders() {
  if (timer) return;
  const sweep = async () => {
    try {
      if ((await queueOverdueReminders(await getDb())) > 0) deliverSoon();
    } catch (error) {
      logError("outcome reminders failed", error);
    }
  };
  setTimeout(() => void sweep(), 60_000).unref();
  timer = setInterval(() => void sweep(), SWEEP_MS);
  timer.unref();
}

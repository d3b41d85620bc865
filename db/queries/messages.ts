import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Database, DatabaseOrTransaction, Transaction } from "@/db/client";
import { clinicians, programmeMessages, sessionLogs } from "@/db/schema";
import { THREAD_SHOWN } from "@/lib/domain/messages";
import { LOG_QUOTAS, QUOTA_RETRY_SECONDS } from "@/lib/domain/patient-link";
import { recordAudit } from "./audit";
import type { LinkRef } from "./links";
import { utcDay } from "./link-quota";
import { hit, retryAfterSeconds } from "./rate-limits";

export type ThreadMessage = {
  id: string;
  author: "clinician" | "patient";
  clinicianName: string | null;
  body: string;
  createdAt: Date;
  sessionCompletedAt: Date | null;
};

/** The programme's newest messages, oldest first for reading. */
export async function listThread(
  db: DatabaseOrTransaction,
  key: { clinicId: string; programmeId: string; limit?: number },
): Promise<ThreadMessage[]> {
  const rows = await db
    .select({
      id: programmeMessages.id,
      author: programmeMessages.author,
      clinicianName: clinicians.name,
      body: programmeMessages.body,
      createdAt: programmeMessages.createdAt,
      sessionCompletedAt: sessionLogs.completedAt,
    })
    .from(programmeMessages)
    .leftJoin(clinicians, and(eq(clinicians.clinicId, programmeMessages.clinicId), eq(clinicians.id, programmeMessages.clinicianId)))
    .leftJoin(sessionLogs, and(eq(sessionLogs.clinicId, programmeMessages.clinicId), eq(sessionLogs.id, programmeMessages.sessionLogId)))
    .where(and(eq(programmeMessages.clinicId, key.clinicId), eq(programmeMessages.programmeId, key.programmeId)))
    .orderBy(desc(programmeMessages.createdAt), desc(programmeMessages.id))
    .limit(key.limit ?? THREAD_SHOWN);
  return rows.reverse();
}

/**
 * A clinician's reply to a session's comment, in the caller's transaction. The session
 * is looked up in the clinician's clinic, so an id from elsewhere is simply not found.
 * A repeat of the same form (its idempotency key) stores nothing new.
 */
export async function addClinicianReply(
  tx: Transaction,
  actor: { clinicId: string; clinicianId: string; ip?: string },
  input: { sessionLogId: string; body: string; idempotencyKey: string },
): Promise<{ id: string; created: boolean; programmeId: string; patientId: string; sessionCompletedAt: Date } | null> {
  const [log] = await tx
    .select({ programmeId: sessionLogs.programmeId, patientId: sessionLogs.patientId, completedAt: sessionLogs.completedAt })
    .from(sessionLogs)
    .where(and(eq(sessionLogs.clinicId, actor.clinicId), eq(sessionLogs.id, input.sessionLogId)));
  if (!log) return null;
  const [inserted] = await tx
    .insert(programmeMessages)
    .values({
      clinicId: actor.clinicId,
      programmeId: log.programmeId,
      patientId: log.patientId,
      author: "clinician",
      clinicianId: actor.clinicianId,
      sessionLogId: input.sessionLogId,
      body: input.body,
      idempotencyKey: `clinician:${input.idempotencyKey}`,
    })
    .onConflictDoNothing({ target: [programmeMessages.clinicId, programmeMessages.idempotencyKey] })
    .returning({ id: programmeMessages.id });
  if (!inserted) {
    const [existing] = await tx
      .select({ id: programmeMessages.id })
      .from(programmeMessages)
      .where(
        and(eq(programmeMessages.clinicId, actor.clinicId), eq(programmeMessages.idempotencyKey, `clinician:${input.idempotencyKey}`)),
      );
    return existing
      ? { id: existing.id, created: false, programmeId: log.programmeId, patientId: log.patientId, sessionCompletedAt: log.completedAt }
      : null;
  }
  await recordAudit(tx, {
    clinicId: actor.clinicId,
    actorId: actor.clinicianId,
    action: "message.sent",
    objectType: "programme",
    objectId: log.programmeId,
    ip: actor.ip,
    detail: { messageId: inserted.id, sessionLogId: input.sessionLogId },
  });
  return { id: inserted.id, created: true, programmeId: log.programmeId, patientId: log.patientId, sessionCompletedAt: log.completedAt };
}

export type PatientMessageResult = { id: string; created: boolean } | { error: "rate_limited"; retryAfter: number };

/**
 * The patient's answer through their link, under the same quotas as a session log: a
 * burst limit per link per hour and a cap per day. The link's row is locked so
 * concurrent posts cannot all pass the count.
 */
export async function addPatientMessage(
  db: Database,
  link: LinkRef,
  input: { body: string; idempotencyKey: string; now?: Date },
): Promise<PatientMessageResult> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select 1 from patient_links where clinic_id = ${link.clinicId} and id = ${link.linkId} for update`);
    const key = `patient:${link.linkId}:${input.idempotencyKey}`;
    const [existing] = await tx
      .select({ id: programmeMessages.id })
      .from(programmeMessages)
      .where(and(eq(programmeMessages.clinicId, link.clinicId), eq(programmeMessages.idempotencyKey, key)));
    if (existing) return { id: existing.id, created: false };
    const burstKey = `message-burst:${link.linkId}`;
    if ((await hit(tx, burstKey, LOG_QUOTAS.burst)) > LOG_QUOTAS.burst.max) {
      return { error: "rate_limited" as const, retryAfter: Math.max(1, await retryAfterSeconds(tx, burstKey, LOG_QUOTAS.burst)) };
    }
    const [dayStart, dayEnd] = utcDay(now);
    const [count] = await tx
      .select({
        n: sql<number>`count(*)::int`,
      })
      .from(programmeMessages)
      .where(
        and(
          eq(programmeMessages.clinicId, link.clinicId),
          eq(programmeMessages.linkId, link.linkId),
          sql`${programmeMessages.createdAt} >= ${dayStart.toISOString()}::timestamptz and ${programmeMessages.createdAt} < ${dayEnd.toISOString()}::timestamptz`,
        ),
      );
    if (Number(count?.n) >= LOG_QUOTAS.perDay) return { error: "rate_limited" as const, retryAfter: QUOTA_RETRY_SECONDS };
    const [inserted] = await tx
      .insert(programmeMessages)
      .values({
        clinicId: link.clinicId,
        programmeId: link.programmeId,
        patientId: link.patientId,
        author: "patient",
        linkId: link.linkId,
        body: input.body,
        idempotencyKey: key,
      })
      .returning({ id: programmeMessages.id });
    await recordAudit(tx, {
      clinicId: link.clinicId,
      action: "message.received",
      objectType: "programme",
      objectId: link.programmeId,
      detail: { messageId: inserted!.id, linkId: link.linkId },
    });
    return { id: inserted!.id, created: true };
  });
}

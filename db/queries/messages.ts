import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { rowsOf, type Database, type DatabaseOrTransaction, type Transaction } from "@/db/client";
import { clinicians, programmeMessages, programmes, sessionLogs } from "@/db/schema";
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

type ClinicianActor = { clinicId: string; clinicianId: string; ip?: string };
type StoredReply = { id: string; created: boolean; programmeId: string; patientId: string };

/** Stores a clinician's message once per idempotency key, with its audit row; a repeat returns the first. */
async function insertClinicianMessage(
  tx: Transaction,
  actor: ClinicianActor,
  row: { programmeId: string; patientId: string; sessionLogId: string | null; body: string; idempotencyKey: string },
): Promise<StoredReply | null> {
  const key = `clinician:${row.idempotencyKey}`;
  const [inserted] = await tx
    .insert(programmeMessages)
    .values({
      clinicId: actor.clinicId,
      programmeId: row.programmeId,
      patientId: row.patientId,
      author: "clinician",
      clinicianId: actor.clinicianId,
      sessionLogId: row.sessionLogId,
      body: row.body,
      idempotencyKey: key,
    })
    .onConflictDoNothing({ target: [programmeMessages.clinicId, programmeMessages.idempotencyKey] })
    .returning({ id: programmeMessages.id });
  if (!inserted) {
    const [existing] = await tx
      .select({ id: programmeMessages.id })
      .from(programmeMessages)
      .where(and(eq(programmeMessages.clinicId, actor.clinicId), eq(programmeMessages.idempotencyKey, key)));
    return existing ? { id: existing.id, created: false, programmeId: row.programmeId, patientId: row.patientId } : null;
  }
  await recordAudit(tx, {
    clinicId: actor.clinicId,
    actorId: actor.clinicianId,
    action: "message.sent",
    objectType: "programme",
    objectId: row.programmeId,
    ip: actor.ip,
    detail: { messageId: inserted.id, ...(row.sessionLogId ? { sessionLogId: row.sessionLogId } : {}) },
  });
  return { id: inserted.id, created: true, programmeId: row.programmeId, patientId: row.patientId };
}

/**
 * A clinician's reply to a session's comment, in the caller's transaction. The session
 * is looked up in the clinician's clinic, so an id from elsewhere is simply not found.
 * A repeat of the same form (its idempotency key) stores nothing new.
 */
export async function addClinicianReply(
  tx: Transaction,
  actor: ClinicianActor,
  input: { sessionLogId: string; body: string; idempotencyKey: string },
): Promise<(StoredReply & { sessionCompletedAt: Date }) | null> {
  const [log] = await tx
    .select({ programmeId: sessionLogs.programmeId, patientId: sessionLogs.patientId, completedAt: sessionLogs.completedAt })
    .from(sessionLogs)
    .where(and(eq(sessionLogs.clinicId, actor.clinicId), eq(sessionLogs.id, input.sessionLogId)));
  if (!log) return null;
  const stored = await insertClinicianMessage(tx, actor, { ...input, programmeId: log.programmeId, patientId: log.patientId });
  return stored ? { ...stored, sessionCompletedAt: log.completedAt } : null;
}

/**
 * A clinician's answer in a programme's thread (to a question the patient started, say),
 * not tied to a session. The programme is looked up in the clinician's clinic.
 */
export async function addThreadReply(
  tx: Transaction,
  actor: ClinicianActor,
  input: { programmeId: string; body: string; idempotencyKey: string },
): Promise<StoredReply | null> {
  const [programme] = await tx
    .select({ patientId: programmes.patientId })
    .from(programmes)
    .where(and(eq(programmes.clinicId, actor.clinicId), eq(programmes.id, input.programmeId)));
  if (!programme?.patientId) return null;
  return insertClinicianMessage(tx, actor, { ...input, patientId: programme.patientId, sessionLogId: null });
}

/**
 * Threads whose newest message is the patient's: someone waiting for an answer, longest
 * waiting first, with when they first wrote since the clinic last answered. Read through
 * the thread index; archived patients are left out (their links no longer take messages).
 */
export async function listWaitingThreads(db: DatabaseOrTransaction, { clinicId, limit }: { clinicId: string; limit: number }) {
  const rows = await rowsOf<{
    programme_id: string;
    patient_id: string;
    patient_name: string;
    title: string;
    since: string;
    total: number;
  }>(
    await db.execute(sql`
      select m.programme_id, m.patient_id, p.name as patient_name, v.title, min(m.created_at) as since, count(*) over ()::int as total
      from programme_messages m
      join patients p on p.clinic_id = m.clinic_id and p.id = m.patient_id and p.archived_at is null
      join programmes pr on pr.clinic_id = m.clinic_id and pr.id = m.programme_id
      join programme_versions v on v.clinic_id = pr.clinic_id and v.programme_id = pr.id and v.version = pr.current_version
      where m.clinic_id = ${clinicId} and m.author = 'patient'
        and not exists (
          select 1 from programme_messages r
          where r.clinic_id = m.clinic_id and r.programme_id = m.programme_id
            and r.author = 'clinician' and r.created_at > m.created_at
        )
      group by m.programme_id, m.patient_id, p.name, v.title
      order by since asc, m.programme_id
      limit ${limit}`),
  );
  return {
    total: rows[0]?.total ?? 0,
    threads: rows.map((r) => ({
      programmeId: r.programme_id,
      patientId: r.patient_id,
      patientName: r.patient_name,
      programmeTitle: r.title,
      since: new Date(r.since),
    })),
  };
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

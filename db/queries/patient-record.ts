import "server-only";
import { and, asc, eq, gt, inArray, or, sql } from "drizzle-orm";
import { rowsOf, type DatabaseOrTransaction } from "@/db/client";
import { patientColumns } from "./patients";
import { versionItemColumns } from "./programmes";
import { sessionLogColumns } from "./sessions";
import {
  clinicians,
  clinics,
  emailOutbox,
  exercises,
  outcomeSchedules,
  patientLinks,
  patients,
  programmeItems,
  programmeMessages,
  programmes,
  programmeVersions,
  reminderSettings,
  sessionLogs,
} from "@/db/schema";
import { listResponses } from "./outcomes";

/*
 * What a patient's record export reads (GDPR Art. 15/20). Every query is scoped to the
 * clinic; nothing here returns a token, a token hash or a sealed email body.
 */

/**
 * Who may export a record besides an owner: a clinician treating the patient, meaning one
 * who added the patient, started one of their programmes or saved a version of one. The
 * schema has no "treating clinician" field; authorship is the record of who treats them.
 */
export async function isTreatingClinician(
  db: DatabaseOrTransaction,
  key: { clinicId: string; patientId: string; clinicianId: string },
): Promise<boolean> {
  const [row] = rowsOf<{ yes: boolean }>(
    await db.execute(sql`
    select exists (select 1 from ${patients} where clinic_id = ${key.clinicId} and id = ${key.patientId} and created_by = ${key.clinicianId})
        or exists (select 1 from ${programmes} p where p.clinic_id = ${key.clinicId} and p.patient_id = ${key.patientId}
                   and (p.created_by = ${key.clinicianId}
                        or exists (select 1 from ${programmeVersions} v where v.clinic_id = p.clinic_id and v.programme_id = p.id and v.created_by = ${key.clinicianId})))
        as yes`),
  );
  return Boolean(row?.yes);
}

export async function getRecordHeader(db: DatabaseOrTransaction, key: { clinicId: string; patientId: string }) {
  const [row] = await db
    .select({
      clinicName: clinics.name,
      patient: { ...patientColumns, updatedAt: patients.updatedAt },
    })
    .from(patients)
    .innerJoin(clinics, eq(clinics.id, patients.clinicId))
    .where(and(eq(patients.clinicId, key.clinicId), eq(patients.id, key.patientId)));
  return row;
}

/** Every programme of the patient with every version and its exercises and doses, oldest first. */
export async function listRecordProgrammes(db: DatabaseOrTransaction, key: { clinicId: string; patientId: string }) {
  const rows = await db
    .select({
      id: programmes.id,
      currentVersion: programmes.currentVersion,
      archivedAt: programmes.archivedAt,
      createdAt: programmes.createdAt,
    })
    .from(programmes)
    .where(and(eq(programmes.clinicId, key.clinicId), eq(programmes.patientId, key.patientId)))
    .orderBy(asc(programmes.createdAt), asc(programmes.id));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const versions = await db
    .select({
      programmeId: programmeVersions.programmeId,
      version: programmeVersions.version,
      title: programmeVersions.title,
      patientNote: programmeVersions.patientNote,
      changeNote: programmeVersions.changeNote,
      startDate: programmeVersions.startDate,
      reviewDate: programmeVersions.reviewDate,
      createdAt: programmeVersions.createdAt,
    })
    .from(programmeVersions)
    .where(and(eq(programmeVersions.clinicId, key.clinicId), inArray(programmeVersions.programmeId, ids)))
    .orderBy(asc(programmeVersions.programmeId), asc(programmeVersions.version));
  const items = await db
    .select(versionItemColumns)
    .from(programmeItems)
    .innerJoin(exercises, eq(exercises.id, programmeItems.exerciseId))
    .where(and(eq(programmeItems.clinicId, key.clinicId), inArray(programmeItems.programmeId, ids)))
    .orderBy(asc(programmeItems.programmeId), asc(programmeItems.version), asc(programmeItems.position));
  const reminders = await db
    .select({
      programmeId: reminderSettings.programmeId,
      sendAtMinute: reminderSettings.sendAtMinute,
      unsubscribedAt: reminderSettings.unsubscribedAt,
      lastSentOn: reminderSettings.lastSentOn,
    })
    .from(reminderSettings)
    .where(and(eq(reminderSettings.clinicId, key.clinicId), inArray(reminderSettings.programmeId, ids)));
  const messages = await db
    .select({
      programmeId: programmeMessages.programmeId,
      id: programmeMessages.id,
      author: programmeMessages.author,
      clinicianName: clinicians.name,
      sessionLogId: programmeMessages.sessionLogId,
      body: programmeMessages.body,
      createdAt: programmeMessages.createdAt,
    })
    .from(programmeMessages)
    .leftJoin(clinicians, and(eq(clinicians.clinicId, programmeMessages.clinicId), eq(clinicians.id, programmeMessages.clinicianId)))
    .where(and(eq(programmeMessages.clinicId, key.clinicId), eq(programmeMessages.patientId, key.patientId)))
    .orderBy(asc(programmeMessages.createdAt), asc(programmeMessages.id));
  return rows.map((p) => ({
    ...p,
    messages: messages.filter((m) => m.programmeId === p.id).map(({ programmeId: _p, ...m }) => m),
    reminder: ((r) => (r ? { sendAtMinute: r.sendAtMinute, unsubscribedAt: r.unsubscribedAt, lastSentOn: r.lastSentOn } : null))(
      reminders.find((r) => r.programmeId === p.id),
    ),
    versions: versions
      .filter((v) => v.programmeId === p.id)
      .map(({ programmeId: _programme, ...v }) => ({
        ...v,
        exercises: items
          .filter((i) => i.programmeId === p.id && i.version === v.version)
          .map(({ programmeId: _p, version: _v, ...i }) => i),
      })),
  }));
}
export type RecordProgramme = Awaited<ReturnType<typeof listRecordProgrammes>>[number];

export type SessionCursor = { completedAt: Date; id: string };

/** One page of session logs, oldest first, after `after` (keyset: no offset, no page held twice). */
export async function pageRecordSessions(
  db: DatabaseOrTransaction,
  key: { clinicId: string; patientId: string; after?: SessionCursor; limit: number },
) {
  return db
    .select(sessionLogColumns)
    .from(sessionLogs)
    .where(
      and(
        eq(sessionLogs.clinicId, key.clinicId),
        eq(sessionLogs.patientId, key.patientId),
        key.after
          ? or(
              gt(sessionLogs.completedAt, key.after.completedAt),
              and(eq(sessionLogs.completedAt, key.after.completedAt), gt(sessionLogs.id, key.after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(sessionLogs.completedAt), asc(sessionLogs.id))
    .limit(key.limit);
}
export type RecordSession = Awaited<ReturnType<typeof pageRecordSessions>>[number];

/** Every session log, read a page at a time so a long history is never held whole. */
export async function* recordSessions(
  db: DatabaseOrTransaction,
  key: { clinicId: string; patientId: string },
  pageSize = 500,
): AsyncGenerator<RecordSession> {
  let after: SessionCursor | undefined;
  for (;;) {
    const page = await pageRecordSessions(db, { ...key, after, limit: pageSize });
    yield* page;
    if (page.length < pageSize) return;
    const last = page.at(-1)!;
    after = { completedAt: last.completedAt, id: last.id };
  }
}

/** The patient's links without their tokens: when each was issued, until when, and whether revoked. */
export async function listRecordLinks(db: DatabaseOrTransaction, key: { clinicId: string; patientId: string }) {
  return db
    .select({
      id: patientLinks.id,
      programmeId: patientLinks.programmeId,
      createdAt: patientLinks.createdAt,
      expiresAt: patientLinks.expiresAt,
      revokedAt: patientLinks.revokedAt,
    })
    .from(patientLinks)
    .where(and(eq(patientLinks.clinicId, key.clinicId), eq(patientLinks.patientId, key.patientId)))
    .orderBy(asc(patientLinks.createdAt), asc(patientLinks.id));
}

/** Emails to the patient's address or about their links: what, when and how it went. Bodies stay sealed and out. */
export async function listRecordEmails(db: DatabaseOrTransaction, key: { clinicId: string; patientId: string; email: string }) {
  return db
    .select({
      id: emailOutbox.id,
      kind: emailOutbox.kind,
      to: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      status: emailOutbox.status,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
    })
    .from(emailOutbox)
    .where(
      and(
        eq(emailOutbox.clinicId, key.clinicId),
        or(
          sql`lower(${emailOutbox.toAddress}) = lower(${key.email})`,
          sql`${emailOutbox.subjectRef} in (select id from ${patientLinks} where clinic_id = ${key.clinicId} and patient_id = ${key.patientId})`,
        ),
      ),
    )
    .orderBy(asc(emailOutbox.createdAt), asc(emailOutbox.id));
}

/** The measures asked on the patient's programmes and every answer they gave, oldest first. */
export async function listRecordOutcomes(db: DatabaseOrTransaction, key: { clinicId: string; patientId: string }) {
  const [schedules, responses] = await Promise.all([
    db
      .select({
        programmeId: outcomeSchedules.programmeId,
        measure: outcomeSchedules.measure,
        atStart: outcomeSchedules.atStart,
        everyWeeks: outcomeSchedules.everyWeeks,
        atReview: outcomeSchedules.atReview,
      })
      .from(outcomeSchedules)
      .innerJoin(programmes, and(eq(programmes.clinicId, outcomeSchedules.clinicId), eq(programmes.id, outcomeSchedules.programmeId)))
      .where(and(eq(outcomeSchedules.clinicId, key.clinicId), eq(programmes.patientId, key.patientId)))
      .orderBy(asc(outcomeSchedules.programmeId), asc(outcomeSchedules.measure)),
    listResponses(db, key),
  ]);
  return { schedules, responses };
}

export type RecordOutcomes = Awaited<ReturnType<typeof listRecordOutcomes>>;

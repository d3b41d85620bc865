import "server-only";
import { and, asc, desc, eq, gte, isNull, sql } from "drizzle-orm";
import type { Database, DatabaseOrTransaction } from "@/db/client";
import {
  clinicians,
  clinics,
  outcomeMeasures,
  patients,
  outcomeSchedules,
  programmes,
  programmeVersions,
  questionnaireResponses,
  sessionLogs,
} from "@/db/schema";
import { BUILTIN_MEASURES, importedMeasureId, importedMeasureKey } from "@/lib/domain/outcomes";
import type { Answer, MeasureDefinition } from "@/lib/outcomes/measure";
import type { ScheduleRule } from "@/lib/outcomes/schedule";
import { recordAudit } from "./audit";
import type { LinkRef } from "./links";
import { linkQuotaWait } from "./link-quota";

type Actor = { clinicId: string; clinicianId: string; ip?: string };

// ---------------------------------------------------------------- measures

/** The clinic's own imported measures it can still schedule (archived ones left out), oldest first. */
export async function listImportedMeasures(db: DatabaseOrTransaction, { clinicId }: { clinicId: string }): Promise<MeasureDefinition[]> {
  const rows = await db
    .select({ id: outcomeMeasures.id, definition: outcomeMeasures.definition })
    .from(outcomeMeasures)
    .where(and(eq(outcomeMeasures.clinicId, clinicId), isNull(outcomeMeasures.archivedAt)))
    .orderBy(asc(outcomeMeasures.createdAt));
  return rows.map((r) => ({ ...r.definition, key: importedMeasureKey(r.id) }));
}

/** One imported measure by key, archived ones included (their responses still need reading). */
export async function getImportedMeasure(
  db: DatabaseOrTransaction,
  { clinicId, key }: { clinicId: string; key: string },
): Promise<MeasureDefinition | null> {
  const id = importedMeasureId(key);
  if (!id) return null;
  const [row] = await db
    .select({ definition: outcomeMeasures.definition })
    .from(outcomeMeasures)
    .where(and(eq(outcomeMeasures.clinicId, clinicId), eq(outcomeMeasures.id, id)));
  return row ? { ...row.definition, key } : null;
}

export async function importMeasure(
  db: Database,
  actor: Actor,
  input: { measure: Omit<MeasureDefinition, "key">; questionnaire: Record<string, unknown> },
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(outcomeMeasures)
      .values({
        clinicId: actor.clinicId,
        title: input.measure.title,
        rule: input.measure.rule,
        definition: input.measure,
        questionnaire: input.questionnaire,
        createdBy: actor.clinicianId,
      })
      .returning({ id: outcomeMeasures.id });
    await recordAudit(tx, {
      clinicId: actor.clinicId,
      actorId: actor.clinicianId,
      action: "outcome_measure.imported",
      objectType: "outcome_measure",
      objectId: row!.id,
      ip: actor.ip,
      detail: { rule: input.measure.rule },
    });
    return importedMeasureKey(row!.id);
  });
}

/** Stops offering an imported measure for new schedules; its responses stay. */
export async function archiveMeasure(db: Database, actor: Actor, { key }: { key: string }): Promise<boolean> {
  const id = importedMeasureId(key);
  if (!id) return false;
  return db.transaction(async (tx) => {
    const done = await tx
      .update(outcomeMeasures)
      .set({ archivedAt: new Date() })
      .where(and(eq(outcomeMeasures.clinicId, actor.clinicId), eq(outcomeMeasures.id, id), isNull(outcomeMeasures.archivedAt)))
      .returning({ id: outcomeMeasures.id });
    if (done.length === 0) return false;
    await recordAudit(tx, {
      clinicId: actor.clinicId,
      actorId: actor.clinicianId,
      action: "outcome_measure.archived",
      objectType: "outcome_measure",
      objectId: id,
      ip: actor.ip,
    });
    return true;
  });
}

// ---------------------------------------------------------------- schedules

export async function getSchedule(
  db: DatabaseOrTransaction,
  { clinicId, programmeId }: { clinicId: string; programmeId: string },
): Promise<ScheduleRule[]> {
  return db
    .select({
      measure: outcomeSchedules.measure,
      atStart: outcomeSchedules.atStart,
      everyWeeks: outcomeSchedules.everyWeeks,
      atReview: outcomeSchedules.atReview,
    })
    .from(outcomeSchedules)
    .where(and(eq(outcomeSchedules.clinicId, clinicId), eq(outcomeSchedules.programmeId, programmeId)))
    .orderBy(asc(outcomeSchedules.measure));
}

/**
 * Replaces a programme's schedule in one transaction. Only the clinic's own patient
 * programme, and only measures the clinic can use; false (nothing written) otherwise.
 */
export async function saveSchedule(
  db: Database,
  actor: Actor,
  { programmeId, rules }: { programmeId: string; rules: ScheduleRule[] },
): Promise<boolean> {
  const imported = await listImportedMeasures(db, { clinicId: actor.clinicId });
  const usable = new Set<string>([...BUILTIN_MEASURES, ...imported.map((m) => m.key)]);
  if (rules.some((r) => !usable.has(r.measure))) return false;
  return db.transaction(async (tx) => {
    const [programme] = await tx
      .select({ id: programmes.id })
      .from(programmes)
      .where(and(eq(programmes.clinicId, actor.clinicId), eq(programmes.id, programmeId), eq(programmes.kind, "programme")))
      .for("update");
    if (!programme) return false;
    await tx
      .delete(outcomeSchedules)
      .where(and(eq(outcomeSchedules.clinicId, actor.clinicId), eq(outcomeSchedules.programmeId, programmeId)));
    if (rules.length > 0) {
      await tx
        .insert(outcomeSchedules)
        .values(rules.map((r) => ({ clinicId: actor.clinicId, programmeId, ...r, updatedBy: actor.clinicianId })));
    }
    await recordAudit(tx, {
      clinicId: actor.clinicId,
      actorId: actor.clinicianId,
      action: "outcome_schedule.saved",
      objectType: "programme",
      objectId: programmeId,
      ip: actor.ip,
      detail: {
        measures: rules
          .map(
            (r) => `${r.measure}:${r.atStart ? "start," : ""}${r.everyWeeks ? `every ${r.everyWeeks}w,` : ""}${r.atReview ? "review" : ""}`,
          )
          .join(" "),
      },
    });
    return true;
  });
}

/**
 * What the due-check needs of a programme: when it started (its first version was
 * saved), its current review date, who it is from, its schedule and its answers; null
 * when it schedules no measure.
 */
export async function getOutcomeContext(db: DatabaseOrTransaction, { clinicId, programmeId }: { clinicId: string; programmeId: string }) {
  // Most programmes ask nothing: one small read of the schedule, and done.
  const rules = await getSchedule(db, { clinicId, programmeId });
  if (rules.length === 0) return null;
  const [[header], answered] = await Promise.all([
    db
      .select({
        version: programmes.currentVersion,
        reviewDate: programmeVersions.reviewDate,
        clinicianName: clinicians.name,
        start:
          sql<Date>`(select min(pv0.created_at) from programme_versions pv0 where pv0.clinic_id = ${programmes.clinicId} and pv0.programme_id = ${programmes.id})`.mapWith(
            programmeVersions.createdAt,
          ),
      })
      .from(programmes)
      .innerJoin(
        programmeVersions,
        and(
          eq(programmeVersions.clinicId, programmes.clinicId),
          eq(programmeVersions.programmeId, programmes.id),
          eq(programmeVersions.version, programmes.currentVersion),
        ),
      )
      .leftJoin(clinicians, and(eq(clinicians.clinicId, programmes.clinicId), eq(clinicians.id, programmeVersions.createdBy)))
      .where(and(eq(programmes.clinicId, clinicId), eq(programmes.id, programmeId))),
    db
      .select({
        measure: questionnaireResponses.measure,
        answeredAt: questionnaireResponses.answeredAt,
        answers: questionnaireResponses.answers,
      })
      .from(questionnaireResponses)
      .where(and(eq(questionnaireResponses.clinicId, clinicId), eq(questionnaireResponses.programmeId, programmeId)))
      .orderBy(desc(questionnaireResponses.answeredAt))
      .limit(200),
  ]);
  if (!header) return null;
  return { ...header, rules, answered };
}

// ---------------------------------------------------------------- responses

/** Whether the programme has this version (a response names the version it was answered in). */
export async function programmeHasVersion(db: DatabaseOrTransaction, key: { clinicId: string; programmeId: string; version: number }) {
  const [row] = await db
    .select({ version: programmeVersions.version })
    .from(programmeVersions)
    .where(
      and(
        eq(programmeVersions.clinicId, key.clinicId),
        eq(programmeVersions.programmeId, key.programmeId),
        eq(programmeVersions.version, key.version),
      ),
    );
  return Boolean(row);
}

export type ResponseInput = {
  idempotencyKey: string;
  programmeId: string;
  version: number;
  measure: string;
  answeredAt: string;
  answers: Answer[];
};
export type RecordResult =
  | { id: string; created: boolean }
  | { error: "wrong_programme" | "unknown_version" | "invalid"; message?: string }
  | { error: "rate_limited"; retryAfter: number };

/**
 * Stores one checked and scored response through the patient's link, once per idempotency
 * key and within the link's quotas (the same as session logs), with its audit row. The
 * caller (lib/outcomes/record.ts) has checked the answers against the measure.
 */
export async function insertResponse(
  db: Database,
  link: LinkRef,
  input: { idempotencyKey: string; version: number; answeredAt: Date; measure: MeasureDefinition; answers: Answer[]; score: number | null },
): Promise<RecordResult> {
  const { answeredAt, measure } = input;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select 1 from patient_links where clinic_id = ${link.clinicId} and id = ${link.linkId} for update`);
    const [existing] = await tx
      .select({ id: questionnaireResponses.id, patientId: questionnaireResponses.patientId })
      .from(questionnaireResponses)
      .where(and(eq(questionnaireResponses.clinicId, link.clinicId), eq(questionnaireResponses.idempotencyKey, input.idempotencyKey)));
    if (existing)
      return existing.patientId === link.patientId ? { id: existing.id, created: false } : { error: "wrong_programme" as const };

    const counted = {
      table: questionnaireResponses,
      clinicId: questionnaireResponses.clinicId,
      linkId: questionnaireResponses.linkId,
      version: questionnaireResponses.version,
      at: questionnaireResponses.answeredAt,
    };
    const wait = await linkQuotaWait(tx, link, counted, {
      burstKey: `answer-burst:${link.linkId}`,
      at: answeredAt,
      version: input.version,
    });
    if (wait !== null) return { error: "rate_limited" as const, retryAfter: wait };
    const [inserted] = await tx
      .insert(questionnaireResponses)
      .values({
        clinicId: link.clinicId,
        patientId: link.patientId,
        programmeId: link.programmeId,
        version: input.version,
        linkId: link.linkId,
        measure: measure.key,
        title: measure.shortTitle,
        idempotencyKey: input.idempotencyKey,
        answeredAt,
        answers: input.answers,
        score: input.score,
        rule: measure.rule,
      })
      .onConflictDoNothing({ target: [questionnaireResponses.clinicId, questionnaireResponses.idempotencyKey] })
      .returning({ id: questionnaireResponses.id });
    if (!inserted) return { error: "wrong_programme" as const };
    await recordAudit(tx, {
      clinicId: link.clinicId,
      actorId: null,
      action: "outcome.answered",
      objectType: "questionnaire_response",
      objectId: inserted.id,
      detail: { measure: measure.key, programmeId: link.programmeId, version: input.version },
    });
    return { id: inserted.id, created: true };
  });
}

/** A response as the chart, the record export and the FHIR mapping read it. */
export const responseColumns = {
  id: questionnaireResponses.id,
  programmeId: questionnaireResponses.programmeId,
  version: questionnaireResponses.version,
  measure: questionnaireResponses.measure,
  title: questionnaireResponses.title,
  answeredAt: questionnaireResponses.answeredAt,
  answers: questionnaireResponses.answers,
  score: questionnaireResponses.score,
  rule: questionnaireResponses.rule,
};

/** A patient's responses, oldest first (optionally one programme's, from a time on). */
export async function listResponses(
  db: DatabaseOrTransaction,
  { clinicId, patientId, programmeId, since }: { clinicId: string; patientId: string; programmeId?: string; since?: Date },
) {
  return db
    .select(responseColumns)
    .from(questionnaireResponses)
    .where(
      and(
        eq(questionnaireResponses.clinicId, clinicId),
        eq(questionnaireResponses.patientId, patientId),
        programmeId ? eq(questionnaireResponses.programmeId, programmeId) : undefined,
        since ? gte(questionnaireResponses.answeredAt, since) : undefined,
      ),
    )
    .orderBy(asc(questionnaireResponses.answeredAt), asc(questionnaireResponses.id));
}

/**
 * Every live patient programme that schedules a measure, across clinics, with whom to
 * remind: the overdue sweep's work list. Like the email sender's claim, a system job,
 * so the one query without a clinic id; everything after it is per clinic.
 */
export async function listScheduledProgrammes(db: DatabaseOrTransaction) {
  return db
    .selectDistinct({
      clinicId: outcomeSchedules.clinicId,
      programmeId: outcomeSchedules.programmeId,
      patientId: patients.id,
      email: patients.email,
      clinicName: clinics.name,
    })
    .from(outcomeSchedules)
    .innerJoin(programmes, and(eq(programmes.clinicId, outcomeSchedules.clinicId), eq(programmes.id, outcomeSchedules.programmeId)))
    .innerJoin(patients, and(eq(patients.clinicId, programmes.clinicId), eq(patients.id, programmes.patientId)))
    .innerJoin(clinics, eq(clinics.id, programmes.clinicId))
    .where(and(isNull(programmes.archivedAt), isNull(patients.archivedAt)));
}

// ---------------------------------------------------------------- the clinician's chart

/** A programme's versions, oldest first, with what each plans a week (the most demanding exercise's days × times). */
export async function listVersionPlans(db: DatabaseOrTransaction, { clinicId, programmeId }: { clinicId: string; programmeId: string }) {
  return db
    .select({
      version: programmeVersions.version,
      at: programmeVersions.createdAt,
      plannedPerWeek:
        sql<number>`(select coalesce(max(least(pi.days_per_week, 7) * greatest(pi.times_per_day, 1)), 0)::int from programme_items pi
        where pi.clinic_id = ${programmeVersions.clinicId} and pi.programme_id = ${programmeVersions.programmeId} and pi.version = ${programmeVersions.version})`.mapWith(
          Number,
        ),
    })
    .from(programmeVersions)
    .where(and(eq(programmeVersions.clinicId, clinicId), eq(programmeVersions.programmeId, programmeId)))
    .orderBy(asc(programmeVersions.version));
}

/** A programme's sessions from `since`, oldest first: when, and the pain given. */
export async function listProgrammeSessions(
  db: DatabaseOrTransaction,
  { clinicId, programmeId, since }: { clinicId: string; programmeId: string; since: Date },
) {
  return db
    .select({ at: sessionLogs.completedAt, pain: sessionLogs.pain })
    .from(sessionLogs)
    .where(and(eq(sessionLogs.clinicId, clinicId), eq(sessionLogs.programmeId, programmeId), gte(sessionLogs.completedAt, since)))
    .orderBy(asc(sessionLogs.completedAt));
}

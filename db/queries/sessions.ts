import "server-only";
import { and, desc, eq, gte, isNotNull, sql } from "drizzle-orm";
import type { Database, DatabaseOrTransaction } from "@/db/client";
import { patients, programmeItems, sessionLogs, type LoggedExercise } from "@/db/schema";
import type { Difficulty } from "@/lib/domain/exercise";
import { matchesVersion, withinLinkLife } from "@/lib/domain/patient-link";
import { decodeCursor, keyColumns, keysetOrder, keysetWhere, toPage, type Cursor, type Keyset } from "@/lib/pagination";
import type { LinkRef } from "./links";
import { linkQuotaWait } from "./link-quota";

export type SessionLogInput = {
  idempotencyKey: string;
  programmeId: string;
  version: number;
  startedAt: string | null;
  completedAt: string;
  exercises: LoggedExercise[];
  pain: number | null;
  difficulty: Difficulty | null;
  comment: string;
};

type RecordResult =
  | { id: string; created: boolean }
  | { error: "wrong_programme" | "unknown_version" | "invalid" }
  | { error: "rate_limited"; retryAfter: number };

/**
 * Records one session from the patient's device, if it is one the player could have
 * made for the version it names and the link's quotas allow it. The idempotency key is
 * unique per clinic, so a retry after a lost response, or ten at once, store one row;
 * a retry of a stored log is recognised before any quota is counted.
 */
export async function recordSessionLog(db: Database, link: LinkRef, input: SessionLogInput): Promise<RecordResult> {
  if (input.programmeId !== link.programmeId) return { error: "wrong_programme" };
  const completedAt = new Date(input.completedAt);
  if (!withinLinkLife(completedAt, link.issuedAt, new Date())) return { error: "invalid" };
  const items = await db
    .select({ position: programmeItems.position, exerciseId: programmeItems.exerciseId, sets: programmeItems.sets })
    .from(programmeItems)
    .where(
      and(
        eq(programmeItems.clinicId, link.clinicId),
        eq(programmeItems.programmeId, link.programmeId),
        eq(programmeItems.version, input.version),
      ),
    );
  // Every saved version has at least one item, so none means no such version.
  if (items.length === 0) return { error: "unknown_version" };
  if (!matchesVersion(input.exercises, items)) return { error: "invalid" };

  return db.transaction(async (tx) => {
    // One log at a time per link, so that concurrent posts cannot all pass the count.
    await tx.execute(sql`select 1 from patient_links where clinic_id = ${link.clinicId} and id = ${link.linkId} for update`);
    const [existing] = await tx
      .select({ id: sessionLogs.id, patientId: sessionLogs.patientId })
      .from(sessionLogs)
      .where(and(eq(sessionLogs.clinicId, link.clinicId), eq(sessionLogs.idempotencyKey, input.idempotencyKey)));
    // A key that belongs to someone else's log is refused without saying whose.
    if (existing)
      return existing.patientId === link.patientId ? { id: existing.id, created: false } : { error: "wrong_programme" as const };

    const wait = await linkQuotaWait(
      tx,
      link,
      {
        table: sessionLogs,
        clinicId: sessionLogs.clinicId,
        linkId: sessionLogs.linkId,
        version: sessionLogs.version,
        at: sessionLogs.completedAt,
      },
      { burstKey: `log-burst:${link.linkId}`, at: completedAt, version: input.version },
    );
    if (wait !== null) return { error: "rate_limited" as const, retryAfter: wait };
    const [inserted] = await tx
      .insert(sessionLogs)
      .values({
        clinicId: link.clinicId,
        patientId: link.patientId,
        programmeId: link.programmeId,
        version: input.version,
        linkId: link.linkId,
        idempotencyKey: input.idempotencyKey,
        startedAt: input.startedAt ? new Date(input.startedAt) : null,
        completedAt,
        exercises: input.exercises,
        pain: input.pain,
        difficulty: input.difficulty,
        comment: input.comment,
      })
      // The key taken meanwhile through another of the clinic's links: refused like any foreign key.
      .onConflictDoNothing({ target: [sessionLogs.clinicId, sessionLogs.idempotencyKey] })
      .returning({ id: sessionLogs.id });
    return inserted ? { id: inserted.id, created: true } : { error: "wrong_programme" as const };
  });
}

/** A session log as the clinician's pages, the record export and the FHIR mapping read it. */
export const sessionLogColumns = {
  id: sessionLogs.id,
  programmeId: sessionLogs.programmeId,
  version: sessionLogs.version,
  startedAt: sessionLogs.startedAt,
  completedAt: sessionLogs.completedAt,
  pain: sessionLogs.pain,
  difficulty: sessionLogs.difficulty,
  comment: sessionLogs.comment,
  exercises: sessionLogs.exercises,
};

export async function listSessions(
  db: DatabaseOrTransaction,
  { clinicId, patientId, programmeId, limit = 20 }: { clinicId: string; patientId: string; programmeId?: string; limit?: number },
) {
  return db
    .select(sessionLogColumns)
    .from(sessionLogs)
    .where(
      and(
        eq(sessionLogs.clinicId, clinicId),
        eq(sessionLogs.patientId, patientId),
        programmeId ? eq(sessionLogs.programmeId, programmeId) : undefined,
      ),
    )
    .orderBy(desc(sessionLogs.completedAt))
    .limit(limit);
}

export const sessionKeyset: Keyset = {
  desc: true,
  parts: [
    { expr: sql`${sessionLogs.completedAt}`, type: "timestamptz" },
    { expr: sql`${sessionLogs.id}`, type: "uuid" },
  ],
};

/** The query for one page of a patient's sessions, separate so tests can EXPLAIN it. */
export function sessionPageQuery(
  db: DatabaseOrTransaction,
  { clinicId, patientId, cursor, pageSize }: { clinicId: string; patientId: string; cursor: Cursor | null; pageSize: number },
) {
  return db
    .select({
      ...sessionLogColumns,
      pageKey: keyColumns(sessionKeyset),
    })
    .from(sessionLogs)
    .where(and(eq(sessionLogs.clinicId, clinicId), eq(sessionLogs.patientId, patientId), keysetWhere(sessionKeyset, cursor)))
    .orderBy(...keysetOrder(sessionKeyset, cursor))
    .limit(pageSize + 1);
}

/** A patient's sessions, newest first, one page at a time, with how many in all and in the last week. */
export async function listSessionPage(
  db: DatabaseOrTransaction,
  { clinicId, patientId, cursor: raw, pageSize = 20 }: { clinicId: string; patientId: string; cursor?: string; pageSize?: number },
) {
  const cursor = decodeCursor(raw, sessionKeyset);
  const [fetched, [counts]] = await Promise.all([
    sessionPageQuery(db, { clinicId, patientId, cursor, pageSize }),
    db
      .select({
        total: sql<number>`count(*)::int`,
        lastWeek: sql<number>`(count(*) filter (where ${sessionLogs.completedAt} >= now() - interval '7 days'))::int`,
      })
      .from(sessionLogs)
      .where(and(eq(sessionLogs.clinicId, clinicId), eq(sessionLogs.patientId, patientId))),
  ]);
  return { ...toPage(fetched, { cursor, pageSize, total: Number(counts?.total ?? 0) }), lastWeek: Number(counts?.lastWeek ?? 0) };
}

/** The last `points` pain scores, oldest first: all the pain chart needs, read from the index. */
export async function listPainPoints(
  db: DatabaseOrTransaction,
  { clinicId, patientId, points = 12 }: { clinicId: string; patientId: string; points?: number },
) {
  const rows = await db
    .select({ id: sessionLogs.id, completedAt: sessionLogs.completedAt, pain: sessionLogs.pain })
    .from(sessionLogs)
    .where(and(eq(sessionLogs.clinicId, clinicId), eq(sessionLogs.patientId, patientId), isNotNull(sessionLogs.pain)))
    .orderBy(desc(sessionLogs.completedAt), desc(sessionLogs.id))
    .limit(points);
  return rows.reverse().map((r) => ({ ...r, pain: r.pain! }));
}

/** Sessions completed since `since` (the start of the patient's week). */
export async function countSessionsSince(
  db: DatabaseOrTransaction,
  { clinicId, programmeId, since }: { clinicId: string; programmeId: string; since: Date },
) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sessionLogs)
    .where(and(eq(sessionLogs.clinicId, clinicId), eq(sessionLogs.programmeId, programmeId), gte(sessionLogs.completedAt, since)));
  return Number(row?.n ?? 0);
}

/** The clinic's latest sessions across patients, for the dashboard. */
export async function listRecentClinicSessions(db: DatabaseOrTransaction, { clinicId, limit = 8 }: { clinicId: string; limit?: number }) {
  return db
    .select({
      id: sessionLogs.id,
      patientId: sessionLogs.patientId,
      patientName: patients.name,
      completedAt: sessionLogs.completedAt,
      pain: sessionLogs.pain,
      difficulty: sessionLogs.difficulty,
      comment: sessionLogs.comment,
    })
    .from(sessionLogs)
    .innerJoin(patients, and(eq(patients.clinicId, sessionLogs.clinicId), eq(patients.id, sessionLogs.patientId)))
    .where(eq(sessionLogs.clinicId, clinicId))
    .orderBy(desc(sessionLogs.completedAt))
    .limit(limit);
}

import "server-only";
import { and, desc, eq, gte, isNotNull, sql } from "drizzle-orm";
import type { Database, DatabaseOrTransaction } from "@/db/client";
import { patients, programmeVersions, sessionLogs, type LoggedExercise } from "@/db/schema";
import { decodeCursor, keyColumns, keysetOrder, keysetWhere, toPage, type Cursor, type Keyset } from "@/lib/pagination";
import type { ResolvedLink } from "./links";

export type SessionLogInput = {
  idempotencyKey: string;
  programmeId: string;
  version: number;
  startedAt: string | null;
  completedAt: string;
  exercises: LoggedExercise[];
  pain: number | null;
  difficulty: "too_easy" | "about_right" | "too_hard" | null;
  comment: string;
};

/**
 * Records one session from the patient's device. The idempotency key is unique per
 * clinic, so a retry after a lost response, or ten at once, store one row.
 */
export async function recordSessionLog(
  db: Database,
  link: ResolvedLink,
  input: SessionLogInput,
): Promise<{ id: string; created: boolean } | { error: "wrong_programme" | "unknown_version" }> {
  if (input.programmeId !== link.programmeId) return { error: "wrong_programme" };
  const [version] = await db
    .select({ version: programmeVersions.version })
    .from(programmeVersions)
    .where(and(eq(programmeVersions.clinicId, link.clinicId), eq(programmeVersions.programmeId, link.programmeId), eq(programmeVersions.version, input.version)));
  if (!version) return { error: "unknown_version" };
  const [inserted] = await db
    .insert(sessionLogs)
    .values({
      clinicId: link.clinicId,
      patientId: link.patientId,
      programmeId: link.programmeId,
      version: input.version,
      linkId: link.linkId,
      idempotencyKey: input.idempotencyKey,
      startedAt: input.startedAt ? new Date(input.startedAt) : null,
      completedAt: new Date(input.completedAt),
      exercises: input.exercises,
      pain: input.pain,
      difficulty: input.difficulty,
      comment: input.comment,
    })
    .onConflictDoNothing({ target: [sessionLogs.clinicId, sessionLogs.idempotencyKey] })
    .returning({ id: sessionLogs.id });
  if (inserted) return { id: inserted.id, created: true };
  // A retry of this patient's own log; a key that belongs to someone else's log is refused
  // without saying whose.
  const [existing] = await db
    .select({ id: sessionLogs.id })
    .from(sessionLogs)
    .where(and(eq(sessionLogs.clinicId, link.clinicId), eq(sessionLogs.idempotencyKey, input.idempotencyKey), eq(sessionLogs.patientId, link.patientId)));
  return existing ? { id: existing.id, created: false } : { error: "wrong_programme" };
}

export async function listSessions(
  db: DatabaseOrTransaction,
  { clinicId, patientId, programmeId, limit = 20 }: { clinicId: string; patientId: string; programmeId?: string; limit?: number },
) {
  return db
    .select({
      id: sessionLogs.id,
      programmeId: sessionLogs.programmeId,
      version: sessionLogs.version,
      completedAt: sessionLogs.completedAt,
      pain: sessionLogs.pain,
      difficulty: sessionLogs.difficulty,
      comment: sessionLogs.comment,
      exercises: sessionLogs.exercises,
    })
    .from(sessionLogs)
    .where(and(eq(sessionLogs.clinicId, clinicId), eq(sessionLogs.patientId, patientId), programmeId ? eq(sessionLogs.programmeId, programmeId) : undefined))
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
export function sessionPageQuery(db: DatabaseOrTransaction, { clinicId, patientId, cursor, pageSize }: { clinicId: string; patientId: string; cursor: Cursor | null; pageSize: number }) {
  return db
    .select({
      id: sessionLogs.id,
      programmeId: sessionLogs.programmeId,
      version: sessionLogs.version,
      completedAt: sessionLogs.completedAt,
      pain: sessionLogs.pain,
      difficulty: sessionLogs.difficulty,
      comment: sessionLogs.comment,
      exercises: sessionLogs.exercises,
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
export async function listPainPoints(db: DatabaseOrTransaction, { clinicId, patientId, points = 12 }: { clinicId: string; patientId: string; points?: number }) {
  const rows = await db
    .select({ id: sessionLogs.id, completedAt: sessionLogs.completedAt, pain: sessionLogs.pain })
    .from(sessionLogs)
    .where(and(eq(sessionLogs.clinicId, clinicId), eq(sessionLogs.patientId, patientId), isNotNull(sessionLogs.pain)))
    .orderBy(desc(sessionLogs.completedAt), desc(sessionLogs.id))
    .limit(points);
  return rows.reverse().map((r) => ({ ...r, pain: r.pain! }));
}

/** Sessions completed since `since` (the start of the patient's week). */
export async function countSessionsSince(db: DatabaseOrTransaction, { clinicId, programmeId, since }: { clinicId: string; programmeId: string; since: Date }) {
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

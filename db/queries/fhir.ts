import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import type { DatabaseOrTransaction } from "@/db/client";
import {
  clinicians,
  clinics,
  exercises,
  outcomeMeasures,
  patients,
  programmeItems,
  programmeMessages,
  programmes,
  programmeVersions,
  questionnaireResponses,
  sessionLogs,
} from "@/db/schema";
import { importedMeasureKey } from "@/lib/domain/outcomes";
import type { ItemRecord, LogRecord, MessageRecord, PatientRecord, VersionRecord } from "@/lib/fhir/records";
import { responseColumns } from "./outcomes";
import { versionItemColumns } from "./programmes";
import { sessionLogColumns } from "./sessions";

/*
 * Loads a patient's records for the FHIR mapping (lib/fhir/export.ts builds the resources). Every query names the clinic; lists
 * are read in keyset order so that a page can resume where the last one ended.
 */

type Scope = { clinicId: string; patientId: string };

export async function getFhirPatient(db: DatabaseOrTransaction, { clinicId, patientId }: Scope): Promise<PatientRecord | undefined> {
  const [row] = await db
    .select({
      id: patients.id,
      clinicId: patients.clinicId,
      name: patients.name,
      email: patients.email,
      dateOfBirth: patients.dateOfBirth,
      archivedAt: patients.archivedAt,
    })
    .from(patients)
    .where(and(eq(patients.clinicId, clinicId), eq(patients.id, patientId)));
  return row;
}

export type VersionCursor = { programmeId: string; version: number };
export type ItemCursor = VersionCursor & { position: number };
export type LogCursor = { completedAt: string; id: string };

const versionColumns = {
  programmeId: programmeVersions.programmeId,
  patientId: sql<string>`${programmes.patientId}`,
  version: programmeVersions.version,
  currentVersion: programmes.currentVersion,
  archivedAt: programmes.archivedAt,
  title: programmeVersions.title,
  patientNote: programmeVersions.patientNote,
  changeNote: programmeVersions.changeNote,
  startDate: programmeVersions.startDate,
  reviewDate: programmeVersions.reviewDate,
  createdAt: programmeVersions.createdAt,
  createdBy: programmeVersions.createdBy,
};
type VersionRow = Omit<VersionRecord, "state" | "items"> & { currentVersion: number; archivedAt: Date | null };

const stateOf = (row: Pick<VersionRow, "version" | "currentVersion" | "archivedAt">): VersionRecord["state"] =>
  row.version !== row.currentVersion ? "superseded" : row.archivedAt ? "archived" : "current";

const versionRecord = ({ currentVersion, archivedAt, ...row }: VersionRow, items: ItemRecord[]): VersionRecord => ({
  ...row,
  state: stateOf({ version: row.version, currentVersion, archivedAt }),
  items,
});

const patientProgrammes = ({ clinicId, patientId }: Scope) =>
  and(eq(programmes.clinicId, clinicId), eq(programmes.patientId, patientId), eq(programmes.kind, "programme"));

/** The items of the given versions, keyed "programmeId/version". */
async function itemsOf(db: DatabaseOrTransaction, clinicId: string, versions: VersionCursor[]): Promise<Map<string, ItemRecord[]>> {
  const byVersion = new Map<string, ItemRecord[]>();
  if (versions.length === 0) return byVersion;
  const rows = await db
    .select(versionItemColumns)
    .from(programmeItems)
    .innerJoin(exercises, eq(exercises.id, programmeItems.exerciseId))
    .where(
      and(eq(programmeItems.clinicId, clinicId), inArray(programmeItems.programmeId, [...new Set(versions.map((v) => v.programmeId))])),
    )
    .orderBy(asc(programmeItems.programmeId), asc(programmeItems.version), asc(programmeItems.position));
  for (const { programmeId, version, ...item } of rows) {
    const key = `${programmeId}/${version}`;
    byVersion.set(key, [...(byVersion.get(key) ?? []), item]);
  }
  return byVersion;
}

/** The patient's programme versions (CarePlans) with their items, in (programme, version) order. */
export async function listFhirVersions(
  db: DatabaseOrTransaction,
  scope: Scope & { after?: VersionCursor; limit: number },
): Promise<VersionRecord[]> {
  const rows = await db
    .select(versionColumns)
    .from(programmeVersions)
    .innerJoin(programmes, and(eq(programmes.clinicId, programmeVersions.clinicId), eq(programmes.id, programmeVersions.programmeId)))
    .where(
      and(
        patientProgrammes(scope),
        scope.after
          ? sql`(${programmeVersions.programmeId}, ${programmeVersions.version}) > (${scope.after.programmeId}::uuid, ${scope.after.version})`
          : undefined,
      ),
    )
    .orderBy(asc(programmeVersions.programmeId), asc(programmeVersions.version))
    .limit(scope.limit);
  const items = await itemsOf(db, scope.clinicId, rows);
  return rows.map((row) => versionRecord(row, items.get(`${row.programmeId}/${row.version}`) ?? []));
}

/** The patient's programme items (ServiceRequests), each with its version, in (programme, version, position) order. */
export async function listFhirItems(db: DatabaseOrTransaction, scope: Scope & { after?: ItemCursor; limit: number }) {
  const rows = await db
    .select({ ...versionColumns, item: versionItemColumns })
    .from(programmeItems)
    .innerJoin(exercises, eq(exercises.id, programmeItems.exerciseId))
    .innerJoin(
      programmeVersions,
      and(
        eq(programmeVersions.clinicId, programmeItems.clinicId),
        eq(programmeVersions.programmeId, programmeItems.programmeId),
        eq(programmeVersions.version, programmeItems.version),
      ),
    )
    .innerJoin(programmes, and(eq(programmes.clinicId, programmeItems.clinicId), eq(programmes.id, programmeItems.programmeId)))
    .where(
      and(
        patientProgrammes(scope),
        scope.after
          ? sql`(${programmeItems.programmeId}, ${programmeItems.version}, ${programmeItems.position}) > (${scope.after.programmeId}::uuid, ${scope.after.version}, ${scope.after.position})`
          : undefined,
      ),
    )
    .orderBy(asc(programmeItems.programmeId), asc(programmeItems.version), asc(programmeItems.position))
    .limit(scope.limit);
  return rows.map(({ item: { programmeId: _p, version: _v, ...item }, ...version }) => ({ version: versionRecord(version, []), item }));
}

export type LogFilter = "pain" | "exercises";
const logFilters: Record<LogFilter, SQL> = {
  pain: isNotNull(sessionLogs.pain),
  exercises: sql`jsonb_array_length(${sessionLogs.exercises}) > 0`,
};

/** The patient's session logs, oldest first, with the names of the exercises each one names. */
export async function listFhirLogs(db: DatabaseOrTransaction, scope: Scope & { after?: LogCursor; limit: number; only?: LogFilter }) {
  const logs: LogRecord[] = await db
    .select({ ...sessionLogColumns, patientId: sessionLogs.patientId })
    .from(sessionLogs)
    .where(
      and(
        eq(sessionLogs.clinicId, scope.clinicId),
        eq(sessionLogs.patientId, scope.patientId),
        scope.only ? logFilters[scope.only] : undefined,
        scope.after
          ? sql`(${sessionLogs.completedAt}, ${sessionLogs.id}) > (${scope.after.completedAt}::timestamptz, ${scope.after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(sessionLogs.completedAt), asc(sessionLogs.id))
    .limit(scope.limit);
  const items = await itemsOf(db, scope.clinicId, logs);
  const nameOf = (log: LogRecord) => (position: number) =>
    items.get(`${log.programmeId}/${log.version}`)?.find((i) => i.position === position)?.name;
  return logs.map((log) => ({ log, exerciseName: nameOf(log) }));
}

/** The clinic, for the record's Organization. */
export async function getFhirClinic(db: DatabaseOrTransaction, clinicId: string) {
  const [clinic] = await db
    .select({ id: clinics.id, name: clinics.name, address: clinics.address, phone: clinics.phone })
    .from(clinics)
    .where(eq(clinics.id, clinicId));
  return clinic;
}

/** The clinicians who wrote in the record, for its Practitioners. */
export async function listFhirClinicians(db: DatabaseOrTransaction, clinicId: string, clinicianIds: string[]) {
  if (clinicianIds.length === 0) return [];
  return db
    .select({ id: clinicians.id, name: clinicians.name, email: clinicians.email, disabledAt: clinicians.disabledAt })
    .from(clinicians)
    .where(and(eq(clinicians.clinicId, clinicId), inArray(clinicians.id, clinicianIds)))
    .orderBy(asc(clinicians.id));
}

/** The exercises a record's programmes used, the shared catalogue's and the clinic's own. */
export async function listFhirExercises(db: DatabaseOrTransaction, clinicId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: exercises.id,
      slug: exercises.slug,
      name: exercises.name,
      purpose: exercises.purpose,
      steps: exercises.steps,
      cautions: exercises.cautions,
      defaultDosage: exercises.defaultDosage,
      retiredAt: exercises.retiredAt,
    })
    .from(exercises)
    .where(and(inArray(exercises.id, ids), or(isNull(exercises.clinicId), eq(exercises.clinicId, clinicId))))
    .orderBy(asc(exercises.id));
}

/** The patient's messages with the clinic, oldest first. */
export async function listFhirMessages(db: DatabaseOrTransaction, { clinicId, patientId }: Scope): Promise<MessageRecord[]> {
  return db
    .select({
      id: programmeMessages.id,
      programmeId: programmeMessages.programmeId,
      patientId: programmeMessages.patientId,
      author: programmeMessages.author,
      clinicianId: programmeMessages.clinicianId,
      sessionLogId: programmeMessages.sessionLogId,
      body: programmeMessages.body,
      createdAt: programmeMessages.createdAt,
    })
    .from(programmeMessages)
    .where(and(eq(programmeMessages.clinicId, clinicId), eq(programmeMessages.patientId, patientId)))
    .orderBy(asc(programmeMessages.createdAt), asc(programmeMessages.id));
}

export type ResponseCursor = { answeredAt: string; id: string };

/** A page of the patient's questionnaire responses, oldest first, resuming after `after`. */
export async function listFhirResponses(db: DatabaseOrTransaction, scope: Scope & { after?: ResponseCursor; limit: number }) {
  return db
    .select(responseColumns)
    .from(questionnaireResponses)
    .where(
      and(
        eq(questionnaireResponses.clinicId, scope.clinicId),
        eq(questionnaireResponses.patientId, scope.patientId),
        scope.after
          ? sql`(${questionnaireResponses.answeredAt}, ${questionnaireResponses.id}) > (${scope.after.answeredAt}::timestamptz, ${scope.after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(questionnaireResponses.answeredAt), asc(questionnaireResponses.id))
    .limit(scope.limit);
}

/** The keys of every measure the clinic ever imported, archived ones too: old answers still name them. */
export async function listFhirImportedMeasureKeys(db: DatabaseOrTransaction, { clinicId }: { clinicId: string }) {
  const rows = await db.select({ id: outcomeMeasures.id }).from(outcomeMeasures).where(eq(outcomeMeasures.clinicId, clinicId));
  return rows.map((r) => importedMeasureKey(r.id));
}

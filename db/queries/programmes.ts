import "server-only";
import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Database, DatabaseOrTransaction, Transaction } from "@/db/client";
import {
  clinicians,
  clinics,
  exercises,
  patients,
  programmeItems,
  programmes,
  programmeVersions,
  type ExerciseSnapshot,
} from "@/db/schema";
import { AppError } from "@/lib/errors";
import { decodeCursor, keyColumns, keysetOrder, keysetWhere, PAGE_SIZE, toPage, type Keyset } from "@/lib/pagination";
import type { DiffVersion } from "@/lib/programme/diff";
import type { Dosage } from "@/lib/programme/view";
import type { ProgrammeContent } from "@/lib/validations/programme";
import { recordAudit } from "./audit";
import type { ProgrammeKind } from "@/lib/domain/clinic";

type Actor = { clinicId: string; clinicianId: string };

/**
 * A saved item as every reader of whole versions selects it (exports, FHIR): its place,
 * exercise and dose, and the exercise's name as saved with the version (the catalogue's
 * current name only for versions saved before snapshots). Join `exercises` for the name.
 */
/** A saved item's dose, as stored. */
const itemDoseColumns = {
  sets: programmeItems.sets,
  reps: programmeItems.reps,
  holdSeconds: programmeItems.holdSeconds,
  restSeconds: programmeItems.restSeconds,
  sides: programmeItems.sides,
  timesPerDay: programmeItems.timesPerDay,
  daysPerWeek: programmeItems.daysPerWeek,
  load: programmeItems.load,
  note: programmeItems.note,
};

export const versionItemColumns = {
  programmeId: programmeItems.programmeId,
  version: programmeItems.version,
  position: programmeItems.position,
  exerciseId: programmeItems.exerciseId,
  name: sql<string>`coalesce(${programmeItems.exerciseSnapshot}->>'name', ${exercises.name})`,
  ...itemDoseColumns,
};

export class ProgrammeConflict extends Error {
  constructor(readonly currentVersion: number) {
    super(`programme is at version ${currentVersion}`);
    this.name = "ProgrammeConflict";
  }
}

/**
 * The exercises a version names, as they are now, to be kept with the version. Every one
 * must be visible to the clinic (global or its own); anything else refuses the save.
 */
async function snapshotExercises(tx: Transaction, clinicId: string, ids: string[]): Promise<Map<string, ExerciseSnapshot>> {
  const unique = [...new Set(ids)];
  const rows = await tx
    .select({
      id: exercises.id,
      name: exercises.name,
      purpose: exercises.purpose,
      position: exercises.position,
      equipment: exercises.equipment,
      steps: exercises.steps,
      cues: exercises.cues,
      cautions: exercises.cautions,
      poseSlug: exercises.poseSlug,
    })
    .from(exercises)
    .where(and(inArray(exercises.id, unique), or(isNull(exercises.clinicId), eq(exercises.clinicId, clinicId))));
  if (rows.length !== unique.length) throw new AppError("invalid", "programme names an exercise outside the clinic's catalogue");
  return new Map(rows.map(({ id, ...snapshot }) => [id, snapshot]));
}

/** Writes one version and its items; the caller moves current_version (see saveProgrammeVersion). */
export async function insertVersion(tx: Transaction, actor: Actor, programmeId: string, version: number, content: ProgrammeContent) {
  const snapshots = await snapshotExercises(
    tx,
    actor.clinicId,
    content.items.map((i) => i.exerciseId),
  );
  await tx.insert(programmeVersions).values({
    clinicId: actor.clinicId,
    programmeId,
    version,
    title: content.title,
    patientNote: content.patientNote,
    changeNote: content.changeNote,
    startDate: content.startDate,
    reviewDate: content.reviewDate,
    createdBy: actor.clinicianId,
  });
  await tx.insert(programmeItems).values(
    content.items.map((item, position) => ({
      clinicId: actor.clinicId,
      programmeId,
      version,
      position,
      exerciseId: item.exerciseId,
      sets: item.sets,
      reps: item.reps,
      holdSeconds: item.holdSeconds,
      restSeconds: item.restSeconds,
      sides: item.sides,
      timesPerDay: item.timesPerDay,
      daysPerWeek: item.daysPerWeek,
      load: item.load,
      note: item.note,
      exerciseSnapshot: snapshots.get(item.exerciseId),
    })),
  );
}

/** A new programme (for a patient) or template, with its first version, in one transaction. */
export async function createProgramme(
  db: Database,
  actor: Actor,
  input: { kind: ProgrammeKind; patientId?: string; content: ProgrammeContent },
): Promise<string> {
  return db.transaction((tx) => createProgrammeIn(tx, actor, input));
}

/** The same, inside a caller's transaction (sign-up installs starter templates this way). */
export async function createProgrammeIn(
  tx: Transaction,
  actor: Actor,
  input: { kind: ProgrammeKind; patientId?: string; content: ProgrammeContent },
): Promise<string> {
  if (input.kind === "programme") {
    if (!input.patientId) throw new Error("a programme needs a patient");
    const [patient] = await tx
      .select({ id: patients.id })
      .from(patients)
      .where(and(eq(patients.id, input.patientId), eq(patients.clinicId, actor.clinicId)));
    if (!patient) throw new AppError("not_found");
  }
  const [row] = await tx
    .insert(programmes)
    .values({
      clinicId: actor.clinicId,
      kind: input.kind,
      patientId: input.kind === "programme" ? input.patientId : null,
      currentVersion: 1,
      createdBy: actor.clinicianId,
    })
    .returning({ id: programmes.id });
  if (!row) throw new Error("programme insert returned nothing");
  await insertVersion(tx, actor, row.id, 1, input.content);
  await recordAudit(tx, {
    clinicId: actor.clinicId,
    actorId: actor.clinicianId,
    action: `${input.kind}.created`,
    objectType: input.kind,
    objectId: row.id,
  });
  return row.id;
}

/**
 * Saves a new immutable version on top of `baseVersion`. The compare-and-set on
 * current_version locks the programme row, so of two saves from the same base exactly
 * one wins; the other gets a ProgrammeConflict and nothing of it is written.
 */
export async function saveProgrammeVersion(
  db: Database,
  actor: Actor,
  input: { programmeId: string; baseVersion: number; content: ProgrammeContent },
  /** More work for the same transaction once the version is in (an email about it). */
  afterSave?: (tx: Transaction, version: number) => Promise<unknown>,
): Promise<number> {
  return db.transaction(async (tx) => {
    const next = input.baseVersion + 1;
    const claimed = await tx
      .update(programmes)
      .set({ currentVersion: next, updatedAt: sql`now()` })
      .where(
        and(
          eq(programmes.id, input.programmeId),
          eq(programmes.clinicId, actor.clinicId),
          eq(programmes.currentVersion, input.baseVersion),
        ),
      )
      .returning({ kind: programmes.kind });
    if (claimed.length === 0) {
      const [current] = await tx
        .select({ version: programmes.currentVersion })
        .from(programmes)
        .where(and(eq(programmes.id, input.programmeId), eq(programmes.clinicId, actor.clinicId)));
      if (!current) throw new AppError("not_found", "programme not found in this clinic");
      throw new ProgrammeConflict(current.version);
    }
    await insertVersion(tx, actor, input.programmeId, next, input.content);
    await recordAudit(tx, {
      clinicId: actor.clinicId,
      actorId: actor.clinicianId,
      action: `${claimed[0]!.kind}.version_saved`,
      objectType: claimed[0]!.kind,
      objectId: input.programmeId,
      detail: { version: next },
    });
    await afterSave?.(tx, next);
    return next;
  });
}

export async function getProgrammeHeader(db: DatabaseOrTransaction, { id, clinicId }: { id: string; clinicId: string }) {
  const [row] = await db
    .select({
      id: programmes.id,
      kind: programmes.kind,
      patientId: programmes.patientId,
      currentVersion: programmes.currentVersion,
      archivedAt: programmes.archivedAt,
      updatedAt: programmes.updatedAt,
    })
    .from(programmes)
    .where(and(eq(programmes.id, id), eq(programmes.clinicId, clinicId)));
  return row;
}

/** One version with its exercises in order (the current one unless `version` is given). */
export async function getProgrammeVersion(
  db: DatabaseOrTransaction,
  { id, clinicId, version }: { id: string; clinicId: string; version?: number },
) {
  const header = await getProgrammeHeader(db, { id, clinicId });
  if (!header) return undefined;
  const wanted = version ?? header.currentVersion;
  const [meta] = await db
    .select()
    .from(programmeVersions)
    .where(and(eq(programmeVersions.clinicId, clinicId), eq(programmeVersions.programmeId, id), eq(programmeVersions.version, wanted)));
  if (!meta) return undefined;
  const items = await db
    .select({
      position: programmeItems.position,
      exerciseId: programmeItems.exerciseId,
      ...itemDoseColumns,
      snapshot: programmeItems.exerciseSnapshot,
      name: exercises.name,
      slug: exercises.slug,
      poseSlug: exercises.poseSlug,
      purpose: exercises.purpose,
      position_: exercises.position,
      equipment: exercises.equipment,
      steps: exercises.steps,
      cues: exercises.cues,
      cautions: exercises.cautions,
      retiredAt: exercises.retiredAt,
    })
    .from(programmeItems)
    .innerJoin(exercises, eq(exercises.id, programmeItems.exerciseId))
    .where(and(eq(programmeItems.clinicId, clinicId), eq(programmeItems.programmeId, id), eq(programmeItems.version, wanted)))
    .orderBy(asc(programmeItems.position));
  return {
    header,
    version: {
      version: meta.version,
      title: meta.title,
      patientNote: meta.patientNote,
      changeNote: meta.changeNote,
      startDate: meta.startDate,
      reviewDate: meta.reviewDate,
      createdAt: meta.createdAt,
      createdBy: meta.createdBy,
    },
    // What the version was saved with; the live row only for versions saved before snapshots.
    items: items.map(({ position_, snapshot, ...rest }) => ({
      ...rest,
      ...(snapshot
        ? {
            name: snapshot.name,
            purpose: snapshot.purpose,
            equipment: snapshot.equipment,
            steps: snapshot.steps,
            cues: snapshot.cues,
            cautions: snapshot.cautions,
            poseSlug: snapshot.poseSlug,
          }
        : {}),
      bodyPosition: snapshot?.position ?? position_,
    })),
  };
}

export type LoadedProgramme = NonNullable<Awaited<ReturnType<typeof getProgrammeVersion>>>;

export function toDiffVersion(p: LoadedProgramme): DiffVersion {
  return {
    title: p.version.title,
    patientNote: p.version.patientNote,
    startDate: p.version.startDate,
    reviewDate: p.version.reviewDate,
    items: p.items.map((i) => ({ exerciseId: i.exerciseId, name: i.name, ...dosageOf(i) })),
  };
}

/** A saved item's dose, as the shared Dosage shape. */
export function dosageOf(i: LoadedProgramme["items"][number]): Dosage {
  return {
    sets: i.sets,
    reps: i.reps,
    holdSeconds: i.holdSeconds,
    restSeconds: i.restSeconds,
    sides: i.sides,
    timesPerDay: i.timesPerDay,
    daysPerWeek: i.daysPerWeek,
    load: i.load,
    note: i.note,
  };
}

const versionColumns = {
  version: programmeVersions.version,
  title: programmeVersions.title,
  changeNote: programmeVersions.changeNote,
  createdAt: programmeVersions.createdAt,
  createdBy: programmeVersions.createdBy,
};

/** Newest version first; the primary key (clinic, programme, version) serves it. */
const versionKeyset: Keyset = { desc: true, parts: [{ expr: sql`${programmeVersions.version}`, type: "int" }] };

/** A programme's versions, newest first, a page at a time (`versions` in the URL). */
export async function listVersionPage(
  db: DatabaseOrTransaction,
  { id, clinicId, cursor: raw, pageSize = 20 }: { id: string; clinicId: string; cursor?: string; pageSize?: number },
) {
  const cursor = decodeCursor(raw, versionKeyset);
  const mine = and(eq(programmeVersions.clinicId, clinicId), eq(programmeVersions.programmeId, id));
  const [fetched, [count]] = await Promise.all([
    db
      .select({ ...versionColumns, pageKey: keyColumns(versionKeyset) })
      .from(programmeVersions)
      .where(and(mine, keysetWhere(versionKeyset, cursor)))
      .orderBy(...keysetOrder(versionKeyset, cursor))
      .limit(pageSize + 1),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(programmeVersions)
      .where(mine),
  ]);
  return toPage(fetched, { cursor, pageSize, total: Number(count?.n ?? 0) });
}

const listColumns = {
  id: programmes.id,
  patientId: programmes.patientId,
  currentVersion: programmes.currentVersion,
  updatedAt: programmes.updatedAt,
  archivedAt: programmes.archivedAt,
  title: programmeVersions.title,
  startDate: programmeVersions.startDate,
  reviewDate: programmeVersions.reviewDate,
  exerciseCount: sql<number>`(select count(*)::int from ${programmeItems} pi
    where pi.clinic_id = ${programmes.clinicId} and pi.programme_id = ${programmes.id} and pi.version = ${programmes.currentVersion})`,
};

const currentVersionJoin = and(
  eq(programmeVersions.clinicId, programmes.clinicId),
  eq(programmeVersions.programmeId, programmes.id),
  eq(programmeVersions.version, programmes.currentVersion),
);

/** Programmes or templates with their current title and size, newest first. */
export async function listProgrammes(
  db: DatabaseOrTransaction,
  { clinicId, patientId, kind }: { clinicId: string; patientId?: string; kind: ProgrammeKind },
) {
  return db
    .select(listColumns)
    .from(programmes)
    .innerJoin(programmeVersions, currentVersionJoin)
    .where(
      and(
        eq(programmes.clinicId, clinicId),
        eq(programmes.kind, kind),
        patientId ? eq(programmes.patientId, patientId) : undefined,
        isNull(programmes.archivedAt),
      ),
    )
    .orderBy(desc(programmes.updatedAt));
}

/** Last changed first, as the list always was; programmes_kind_idx (clinic, kind, updated_at, id) serves it. */
const templateKeyset: Keyset = {
  desc: true,
  parts: [
    { expr: sql`${programmes.updatedAt}`, type: "timestamptz" },
    { expr: sql`${programmes.id}`, type: "uuid" },
  ],
};

/** The clinic's templates a page at a time, with how many in all. */
export async function listTemplatePage(
  db: DatabaseOrTransaction,
  { clinicId, cursor: raw, pageSize = PAGE_SIZE }: { clinicId: string; cursor?: string; pageSize?: number },
) {
  const cursor = decodeCursor(raw, templateKeyset);
  const mine = and(eq(programmes.clinicId, clinicId), eq(programmes.kind, "template"), isNull(programmes.archivedAt));
  const [fetched, [count]] = await Promise.all([
    db
      .select({ ...listColumns, pageKey: keyColumns(templateKeyset) })
      .from(programmes)
      .innerJoin(programmeVersions, currentVersionJoin)
      .where(and(mine, keysetWhere(templateKeyset, cursor)))
      .orderBy(...keysetOrder(templateKeyset, cursor))
      .limit(pageSize + 1),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(programmes)
      .where(mine),
  ]);
  return toPage(fetched, { cursor, pageSize, total: Number(count?.n ?? 0) });
}

/**
 * The current version of a programme and a stamp of everything else its patient view
 * is drawn from (patient name, clinic details, the clinician's name, each exercise of
 * this and the previous version, the photos and videos of this version's exercises by
 * id and content hash), in one round trip. Versions are immutable and every
 * write to those rows sets updated_at, so an unchanged (version, stamp) means an
 * unchanged view. Each updated_at goes into the hash on its own, not as a maximum: a
 * write whose transaction started earlier than another row's last write still changes it.
 */
export async function getProgrammeViewStamp(
  db: DatabaseOrTransaction,
  { clinicId, programmeId }: { clinicId: string; programmeId: string },
) {
  const [row] = await db
    .select({
      version: programmes.currentVersion,
      stamp: sql<string>`md5(concat_ws('|', ${patients.updatedAt}, ${clinics.updatedAt}, ${clinicians.updatedAt},
        (select string_agg(pi.version || ':' || pi.position || ':' || e.id || '@' || e.updated_at, ',' order by pi.version, pi.position)
           from ${programmeItems} pi join ${exercises} e on e.id = pi.exercise_id
          where pi.clinic_id = ${programmes.clinicId} and pi.programme_id = ${programmes.id}
            and pi.version between ${programmes.currentVersion} - 1 and ${programmes.currentVersion}),
        (select string_agg(m.id || '@' || m.sha256, ',' order by m.id) from exercise_media m
          where m.clinic_id = ${programmes.clinicId} and m.exercise_id in
            (select pi.exercise_id from ${programmeItems} pi where pi.clinic_id = ${programmes.clinicId} and pi.programme_id = ${programmes.id} and pi.version = ${programmes.currentVersion}))))`,
    })
    .from(programmes)
    .innerJoin(clinics, eq(clinics.id, programmes.clinicId))
    .leftJoin(patients, and(eq(patients.clinicId, programmes.clinicId), eq(patients.id, programmes.patientId)))
    .leftJoin(
      programmeVersions,
      and(
        eq(programmeVersions.clinicId, programmes.clinicId),
        eq(programmeVersions.programmeId, programmes.id),
        eq(programmeVersions.version, programmes.currentVersion),
      ),
    )
    .leftJoin(clinicians, and(eq(clinicians.clinicId, programmes.clinicId), eq(clinicians.id, programmeVersions.createdBy)))
    .where(and(eq(programmes.clinicId, clinicId), eq(programmes.id, programmeId)));
  return row;
}

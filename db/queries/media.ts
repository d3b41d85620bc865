import "server-only";
import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Database, DatabaseOrTransaction, Transaction } from "@/db/client";
import { exerciseMedia, exercises, programmeItems, programmes, type ExerciseMedia, type MediaVariant } from "@/db/schema";
import { MEDIA_LIMITS, type MediaKind } from "@/lib/domain/media";
import { recordAudit } from "./audit";

type Actor = { clinicId: string; clinicianId: string };

/** What a page needs to show an item; the storage keys stay server-side. */
export type MediaSummary = Pick<
  ExerciseMedia,
  "id" | "exerciseId" | "kind" | "altText" | "sha256" | "width" | "height" | "durationMs" | "createdAt"
> & {
  contentType: string;
};

const summaryColumns = {
  id: exerciseMedia.id,
  exerciseId: exerciseMedia.exerciseId,
  kind: exerciseMedia.kind,
  altText: exerciseMedia.altText,
  sha256: exerciseMedia.sha256,
  width: exerciseMedia.width,
  height: exerciseMedia.height,
  durationMs: exerciseMedia.durationMs,
  createdAt: exerciseMedia.createdAt,
  variants: exerciseMedia.variants,
};

const toSummary = ({ variants, ...row }: Omit<MediaSummary, "contentType"> & { variants: MediaVariant[] }): MediaSummary => ({
  ...row,
  contentType: variants[0]?.contentType ?? "application/octet-stream",
});

/** The media of a clinic's exercises, photos first then oldest first, grouped by exercise. */
export async function mediaForExercises(
  db: DatabaseOrTransaction,
  { clinicId, exerciseIds }: { clinicId: string; exerciseIds: string[] },
): Promise<Map<string, MediaSummary[]>> {
  const grouped = new Map<string, MediaSummary[]>();
  if (exerciseIds.length === 0) return grouped;
  const rows = await db
    .select(summaryColumns)
    .from(exerciseMedia)
    .where(and(eq(exerciseMedia.clinicId, clinicId), inArray(exerciseMedia.exerciseId, [...new Set(exerciseIds)])))
    .orderBy(asc(exerciseMedia.kind), asc(exerciseMedia.createdAt), asc(exerciseMedia.id));
  for (const row of rows) {
    const list = grouped.get(row.exerciseId) ?? [];
    list.push(toSummary(row));
    grouped.set(row.exerciseId, list);
  }
  return grouped;
}

export async function listExerciseMedia(db: DatabaseOrTransaction, key: { clinicId: string; exerciseId: string }): Promise<MediaSummary[]> {
  return (await mediaForExercises(db, { clinicId: key.clinicId, exerciseIds: [key.exerciseId] })).get(key.exerciseId) ?? [];
}

/** One item of the clinic's, with its stored files. */
export async function getMedia(
  db: DatabaseOrTransaction,
  { clinicId, id }: { clinicId: string; id: string },
): Promise<ExerciseMedia | undefined> {
  const [row] = await db
    .select()
    .from(exerciseMedia)
    .where(and(eq(exerciseMedia.clinicId, clinicId), eq(exerciseMedia.id, id)));
  return row;
}

/**
 * One item, only when its exercise is in the programme's current version: a patient
 * link opens the media of its own programme's exercises and nothing else of the clinic's.
 */
export async function getMediaInProgramme(
  db: DatabaseOrTransaction,
  { clinicId, programmeId, id }: { clinicId: string; programmeId: string; id: string },
): Promise<ExerciseMedia | undefined> {
  const [row] = await db
    .select({ media: exerciseMedia })
    .from(exerciseMedia)
    .innerJoin(programmes, and(eq(programmes.clinicId, exerciseMedia.clinicId), eq(programmes.id, programmeId)))
    .where(
      and(
        eq(exerciseMedia.clinicId, clinicId),
        eq(exerciseMedia.id, id),
        sql`exists (select 1 from ${programmeItems} where ${programmeItems.clinicId} = ${exerciseMedia.clinicId} and ${programmeItems.programmeId} = ${programmes.id} and ${programmeItems.version} = ${programmes.currentVersion} and ${programmeItems.exerciseId} = ${exerciseMedia.exerciseId})`,
      ),
    );
  return row?.media;
}

export type NewMedia = {
  id: string;
  exerciseId: string;
  kind: MediaKind;
  altText: string;
  sha256: string;
  bytes: number;
  width?: number;
  height?: number;
  durationMs?: number;
  variants: MediaVariant[];
  patientId?: string;
};

export type AddMediaResult = { status: "added" } | { status: "not_found" } | { status: "full"; message: string };

/**
 * Adds an item to one of the clinic's own exercises (never a shared catalogue entry),
 * within the per-exercise limits, with its audit row. The exercise row is locked so two
 * uploads at once cannot both take the last place.
 */
export async function addMedia(db: Database, actor: Actor, item: NewMedia): Promise<AddMediaResult> {
  return db.transaction(async (tx) => {
    const [exercise] = await tx
      .select({ id: exercises.id })
      .from(exercises)
      .where(and(eq(exercises.id, item.exerciseId), eq(exercises.clinicId, actor.clinicId)))
      .for("update");
    if (!exercise) return { status: "not_found" } as const;
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(exerciseMedia)
      .where(
        and(eq(exerciseMedia.clinicId, actor.clinicId), eq(exerciseMedia.exerciseId, item.exerciseId), eq(exerciseMedia.kind, item.kind)),
      );
    const limit = item.kind === "photo" ? MEDIA_LIMITS.photosPerExercise : MEDIA_LIMITS.videosPerExercise;
    if ((count?.n ?? 0) >= limit) {
      return {
        status: "full",
        message:
          item.kind === "photo"
            ? `An exercise keeps at most ${limit} photos: remove one first.`
            : "An exercise keeps one video: remove it first.",
      } as const;
    }
    await tx.insert(exerciseMedia).values({ ...item, clinicId: actor.clinicId, createdBy: actor.clinicianId });
    await recordAudit(tx, {
      clinicId: actor.clinicId,
      actorId: actor.clinicianId,
      action: `media.added`,
      objectType: "exercise",
      objectId: item.exerciseId,
      detail: { media: item.id, kind: item.kind, sha256: item.sha256 },
    });
    return { status: "added" } as const;
  });
}

/** Removes an item's row; returns its files for the store to delete, or null when there is no such item. */
export async function removeMedia(db: Database, actor: Actor, { id }: { id: string }): Promise<MediaVariant[] | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(exerciseMedia)
      .where(and(eq(exerciseMedia.clinicId, actor.clinicId), eq(exerciseMedia.id, id)))
      .returning({ exerciseId: exerciseMedia.exerciseId, variants: exerciseMedia.variants, kind: exerciseMedia.kind });
    if (!row) return null;
    await recordAudit(tx, {
      clinicId: actor.clinicId,
      actorId: actor.clinicianId,
      action: "media.removed",
      objectType: "exercise",
      objectId: row.exerciseId,
      detail: { media: id, kind: row.kind },
    });
    return row.variants;
  });
}

/** Inside an erasure: the rows of media that show the patient go; their files are returned for the store. */
export async function deletePatientMedia(
  tx: Transaction,
  { clinicId, patientId }: { clinicId: string; patientId: string },
): Promise<{ id: string; files: string[] }[]> {
  const rows = await tx
    .delete(exerciseMedia)
    .where(and(eq(exerciseMedia.clinicId, clinicId), eq(exerciseMedia.patientId, patientId), isNotNull(exerciseMedia.patientId)))
    .returning({ id: exerciseMedia.id, variants: exerciseMedia.variants });
  return rows.map((r) => ({ id: r.id, files: r.variants.map((v) => v.file) }));
}

/** For the record export: what is kept of media showing the patient (no bytes, no keys). */
export async function listPatientMedia(db: DatabaseOrTransaction, { clinicId, patientId }: { clinicId: string; patientId: string }) {
  return db
    .select({
      id: exerciseMedia.id,
      exerciseId: exerciseMedia.exerciseId,
      exerciseName: exercises.name,
      kind: exerciseMedia.kind,
      altText: exerciseMedia.altText,
      sha256: exerciseMedia.sha256,
      bytes: exerciseMedia.bytes,
      durationMs: exerciseMedia.durationMs,
      createdAt: exerciseMedia.createdAt,
    })
    .from(exerciseMedia)
    .innerJoin(exercises, eq(exercises.id, exerciseMedia.exerciseId))
    .where(and(eq(exerciseMedia.clinicId, clinicId), eq(exerciseMedia.patientId, patientId)))
    .orderBy(asc(exerciseMedia.createdAt), asc(exerciseMedia.id));
}

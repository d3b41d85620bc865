import "server-only";
import { and, desc, eq, gt, isNotNull, isNull, sql } from "drizzle-orm";
import type { DatabaseOrTransaction, Transaction } from "@/db/client";
import { clinics, patientLinks, patients, programmes, programmeVersions } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit } from "./audit";

type Actor = { clinicId: string; clinicianId: string; ip?: string };

/** A new link as stored: the token's hash, its sealed copy and its short code's hash (lib/links/issue.ts makes them). */
export type NewLink = { programmeId: string; tokenHash: Buffer; tokenCiphertext: string; shortCodeHash: Buffer; expiresAt: Date };

/**
 * Stores a link to a patient's programme, revoking any link it replaces in the same
 * transaction: after a reissue only the new link works, from the very next request.
 */
export async function insertLink(tx: Transaction, actor: Actor, input: NewLink): Promise<{ id: string }> {
  const [programme] = await tx
    .select({ patientId: programmes.patientId, kind: programmes.kind })
    .from(programmes)
    .where(and(eq(programmes.id, input.programmeId), eq(programmes.clinicId, actor.clinicId)))
    .for("update");
  if (!programme?.patientId || programme.kind !== "programme") throw new AppError("not_found");
  await tx
    .update(patientLinks)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(patientLinks.clinicId, actor.clinicId), eq(patientLinks.programmeId, input.programmeId), isNull(patientLinks.revokedAt)));
  // 40 bits can clash across many links (old ones included): that link then goes out
  // without a short code, as links issued before codes did, rather than failing.
  const [clash] = await tx.select({ id: patientLinks.id }).from(patientLinks).where(eq(patientLinks.shortCodeHash, input.shortCodeHash));
  const [row] = await tx
    .insert(patientLinks)
    .values({
      clinicId: actor.clinicId,
      patientId: programme.patientId,
      programmeId: input.programmeId,
      tokenHash: input.tokenHash,
      tokenCiphertext: input.tokenCiphertext,
      shortCodeHash: clash ? null : input.shortCodeHash,
      expiresAt: input.expiresAt,
      createdBy: actor.clinicianId,
    })
    .returning({ id: patientLinks.id });
  await recordAudit(tx, {
    clinicId: actor.clinicId,
    actorId: actor.clinicianId,
    action: "link.issued",
    objectType: "patient_link",
    objectId: row!.id,
    ip: actor.ip,
    detail: { programmeId: input.programmeId },
  });
  return { id: row!.id };
}

export async function revokeLinks(tx: Transaction, actor: Actor, { programmeId }: { programmeId: string }): Promise<number> {
  const revoked = await tx
    .update(patientLinks)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(patientLinks.clinicId, actor.clinicId), eq(patientLinks.programmeId, programmeId), isNull(patientLinks.revokedAt)))
    .returning({ id: patientLinks.id });
  for (const link of revoked) {
    await recordAudit(tx, {
      clinicId: actor.clinicId,
      actorId: actor.clinicianId,
      action: "link.revoked",
      objectType: "patient_link",
      objectId: link.id,
      ip: actor.ip,
    });
  }
  return revoked.length;
}

/** The programme's newest link and its state, with its sealed copy (lib/links/current.ts opens it for the clinician). */
export async function getNewestLink(db: DatabaseOrTransaction, { clinicId, programmeId }: { clinicId: string; programmeId: string }) {
  const [row] = await db
    .select({
      id: patientLinks.id,
      tokenCiphertext: patientLinks.tokenCiphertext,
      expiresAt: patientLinks.expiresAt,
      revokedAt: patientLinks.revokedAt,
      createdAt: patientLinks.createdAt,
      hasShortCode: sql<boolean>`${patientLinks.shortCodeHash} is not null`,
      patientHasBirthDate: sql<boolean>`${patients.dateOfBirth} is not null`,
    })
    .from(patientLinks)
    .innerJoin(patients, and(eq(patients.clinicId, patientLinks.clinicId), eq(patients.id, patientLinks.patientId)))
    .where(and(eq(patientLinks.clinicId, clinicId), eq(patientLinks.programmeId, programmeId)))
    .orderBy(desc(patientLinks.createdAt))
    .limit(1);
  return row;
}

/**
 * The one lookup without a clinic id: the token (here its hash) is the capability. Only
 * a live link to a live programme resolves; everything else is the same "no".
 */
export async function resolveToken(db: DatabaseOrTransaction, tokenHash: Buffer) {
  const [row] = await db
    .select({
      linkId: patientLinks.id,
      clinicId: patientLinks.clinicId,
      patientId: patientLinks.patientId,
      programmeId: patientLinks.programmeId,
      /** Logs cannot predate the link they came through. */
      issuedAt: patientLinks.createdAt,
      /** Where the patient lives (their own zone, else the clinic's): read here, so the page needs no second trip. */
      patientZone: patients.timeZone,
      clinicZone: clinics.timeZone,
    })
    .from(patientLinks)
    .innerJoin(programmes, and(eq(programmes.clinicId, patientLinks.clinicId), eq(programmes.id, patientLinks.programmeId)))
    .innerJoin(patients, and(eq(patients.clinicId, patientLinks.clinicId), eq(patients.id, patientLinks.patientId)))
    .innerJoin(clinics, eq(clinics.id, patientLinks.clinicId))
    .where(
      and(
        eq(patientLinks.tokenHash, tokenHash),
        isNull(patientLinks.revokedAt),
        gt(patientLinks.expiresAt, sql`now()`),
        isNull(programmes.archivedAt),
        isNull(patients.archivedAt),
      ),
    );
  return row;
}

export type ResolvedLink = NonNullable<Awaited<ReturnType<typeof resolveToken>>>;
/** What a write through a link needs of it: which link, clinic, patient and programme, and since when. */
export type LinkRef = Pick<ResolvedLink, "linkId" | "clinicId" | "patientId" | "programmeId" | "issuedAt">;

/**
 * The lookup behind a short code, also without a clinic id: the code (with the year of
 * birth) is the capability. Only a live link to a live programme resolves.
 */
export async function resolveShortCode(db: DatabaseOrTransaction, codeHash: Buffer) {
  const [row] = await db
    .select({ tokenCiphertext: patientLinks.tokenCiphertext, dateOfBirth: patients.dateOfBirth })
    .from(patientLinks)
    .innerJoin(programmes, and(eq(programmes.clinicId, patientLinks.clinicId), eq(programmes.id, patientLinks.programmeId)))
    .innerJoin(patients, and(eq(patients.clinicId, patientLinks.clinicId), eq(patients.id, patientLinks.patientId)))
    .where(
      and(
        eq(patientLinks.shortCodeHash, codeHash),
        isNull(patientLinks.revokedAt),
        gt(patientLinks.expiresAt, sql`now()`),
        isNull(programmes.archivedAt),
        isNull(patients.archivedAt),
      ),
    );
  return row;
}

/** Whether the live link with this token may print a short code (it has one, and the patient a year of birth). */
export async function linkPrintsShortCode(db: DatabaseOrTransaction, linkId: string, clinicId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: patientLinks.id })
    .from(patientLinks)
    .innerJoin(patients, and(eq(patients.clinicId, patientLinks.clinicId), eq(patients.id, patientLinks.patientId)))
    .where(
      and(
        eq(patientLinks.clinicId, clinicId),
        eq(patientLinks.id, linkId),
        isNotNull(patientLinks.shortCodeHash),
        isNotNull(patients.dateOfBirth),
      ),
    );
  return Boolean(row);
}

/**
 * The patient's address and the programme's current title, with the programme row locked
 * until the transaction ends, so concurrent "send link" clicks queue behind each other.
 */
export async function lockProgrammeRecipient(tx: Transaction, { clinicId, programmeId }: { clinicId: string; programmeId: string }) {
  const [row] = await tx
    .select({ email: patients.email, title: programmeVersions.title })
    .from(programmes)
    .innerJoin(patients, and(eq(patients.clinicId, programmes.clinicId), eq(patients.id, programmes.patientId)))
    .innerJoin(
      programmeVersions,
      and(
        eq(programmeVersions.clinicId, programmes.clinicId),
        eq(programmeVersions.programmeId, programmes.id),
        eq(programmeVersions.version, programmes.currentVersion),
      ),
    )
    .where(and(eq(programmes.clinicId, clinicId), eq(programmes.id, programmeId), eq(programmes.kind, "programme")))
    .for("update", { of: programmes });
  return row;
}

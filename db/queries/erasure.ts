import "server-only";
import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import {
  emailOutbox,
  patientLinks,
  patients,
  programmeMessages,
  programmes,
  questionnaireResponses,
  reminderSettings,
  sessionLogs,
} from "@/db/schema";
import type { ErasureReason } from "@/lib/domain/record";
import { recordAudit } from "./audit";
import { deletePatientMedia } from "./media";

type Actor = { clinicId: string; clinicianId: string; ip?: string };

export type ErasureResult =
  | { status: "erased"; programmeIds: string[]; media: { id: string; files: string[] }[] }
  | { status: "not_found" }
  | { status: "name_mismatch" };

/**
 * Erases a patient (GDPR Art. 17) in one transaction: their session logs, outcome answers,
 * links, emails addressed to them, programmes (versions and items go by cascade), photos
 * and videos that show them (the caller deletes their files once this commits) and the
 * patient row.
 * Templates are separate programme rows with no patient, so a template saved from one of
 * their programmes stays. The audit trail is append-only: earlier events keep only ids,
 * and one tombstone says who erased which id, when and why, with no personal data.
 * `confirmName` must match the stored name exactly (after trimming), read under a row
 * lock so a rename in between cannot slip through.
 */
export async function erasePatient(
  db: Database,
  actor: Actor,
  input: { patientId: string; confirmName: string; reason: ErasureReason },
): Promise<ErasureResult> {
  return db.transaction(async (tx) => {
    const [patient] = await tx
      .select({ id: patients.id, name: patients.name, email: patients.email })
      .from(patients)
      .where(and(eq(patients.clinicId, actor.clinicId), eq(patients.id, input.patientId)))
      .for("update");
    if (!patient) return { status: "not_found" } as const;
    if (patient.name.trim() !== input.confirmName.trim()) return { status: "name_mismatch" } as const;

    const ofPatient = (t: { clinicId: AnyPgColumn; patientId: AnyPgColumn }) =>
      and(eq(t.clinicId, actor.clinicId), eq(t.patientId, patient.id));
    const links = await tx.select({ id: patientLinks.id }).from(patientLinks).where(ofPatient(patientLinks));
    const linkIds = links.map((l) => l.id);
    // Reminders, replies and change notices name the programme rather than a link.
    const owned = await tx
      .select({ id: programmes.id })
      .from(programmes)
      .where(and(eq(programmes.clinicId, actor.clinicId), eq(programmes.patientId, patient.id), eq(programmes.kind, "programme")));
    const refs = [...linkIds, ...owned.map((p) => p.id)];
    // Everything sent to their address is theirs (their email address is in it), as well as mail about their links.
    await tx
      .delete(emailOutbox)
      .where(
        and(
          eq(emailOutbox.clinicId, actor.clinicId),
          or(
            sql`lower(${emailOutbox.toAddress}) = lower(${patient.email})`,
            refs.length > 0 ? inArray(emailOutbox.subjectRef, refs) : undefined,
          ),
        ),
      );
    // Messages first: a reply points at the session it answers.
    await tx.delete(programmeMessages).where(ofPatient(programmeMessages));
    const sessions = await tx.delete(sessionLogs).where(ofPatient(sessionLogs)).returning({ id: sessionLogs.id });
    // Their answers to outcome measures; the programmes' measure schedules go with the programmes (cascade).
    await tx.delete(questionnaireResponses).where(ofPatient(questionnaireResponses));
    await tx.delete(patientLinks).where(ofPatient(patientLinks));
    await tx.delete(reminderSettings).where(ofPatient(reminderSettings));
    const removed = await tx
      .delete(programmes)
      .where(and(eq(programmes.clinicId, actor.clinicId), eq(programmes.patientId, patient.id), eq(programmes.kind, "programme")))
      .returning({ id: programmes.id });
    const media = await deletePatientMedia(tx, { clinicId: actor.clinicId, patientId: patient.id });
    await tx.delete(patients).where(and(eq(patients.clinicId, actor.clinicId), eq(patients.id, patient.id)));
    await recordAudit(tx, {
      clinicId: actor.clinicId,
      actorId: actor.clinicianId,
      action: "patient.erased",
      objectType: "patient",
      objectId: patient.id,
      ip: actor.ip,
      detail: { reason: input.reason, programmes: removed.length, sessions: sessions.length, links: linkIds.length, media: media.length },
    });
    return { status: "erased", programmeIds: removed.map((p) => p.id), media } as const;
  });
}

import "server-only";
import type { Database } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { getClinic } from "@/db/queries/clinics";
import { hasOutboxEmail } from "@/db/queries/email";
import { lockProgrammeRecipient } from "@/db/queries/links";
import { getCurrentLink } from "./current";
import { issueLink } from "./issue";
import { enqueueEmail } from "@/lib/email/outbox";
import { patientLinkEmail } from "@/lib/email/templates";
import { AppError } from "@/lib/errors";

type Actor = { clinicId: string; clinicianId: string; clinicianName: string; ip?: string };

/**
 * Emails the patient their link, issuing one first if none is live. One transaction
 * holds the programme row, so concurrent clicks queue behind each other: the first
 * issues and enqueues, the rest find the same request already in the outbox. The link in
 * the email is therefore always the live one.
 */
export async function sendPatientLink(
  db: Database,
  actor: Actor,
  input: { programmeId: string; requestId: string; key: Buffer; appUrl: string },
): Promise<{ sent: boolean; to: string }> {
  const idempotencyKey = `patient-link:${input.requestId}`;
  return db.transaction(async (tx) => {
    const row = await lockProgrammeRecipient(tx, { clinicId: actor.clinicId, programmeId: input.programmeId });
    if (!row) throw new AppError("not_found");
    if (await hasOutboxEmail(tx, { clinicId: actor.clinicId, idempotencyKey })) return { sent: false, to: row.email };

    const current = await getCurrentLink(tx, { clinicId: actor.clinicId, programmeId: input.programmeId, key: input.key });
    const link =
      current?.status === "active" && current.token
        ? { id: current.id, token: current.token }
        : await issueLink(tx, actor, { programmeId: input.programmeId, key: input.key });
    const clinic = await getClinic(tx, { clinicId: actor.clinicId });
    const email = patientLinkEmail({
      clinicName: clinic?.name ?? "Your clinic",
      clinicianName: actor.clinicianName,
      programmeTitle: row.title,
      url: `${input.appUrl}/p/${link.token}`,
    });
    await enqueueEmail(tx, {
      clinicId: actor.clinicId,
      idempotencyKey,
      kind: "patient_link",
      to: row.email,
      ...email,
      subjectRef: link.id,
    });
    await recordAudit(tx, {
      clinicId: actor.clinicId,
      actorId: actor.clinicianId,
      action: "link.emailed",
      objectType: "patient_link",
      objectId: link.id,
      ip: actor.ip,
    });
    return { sent: true, to: row.email };
  });
}

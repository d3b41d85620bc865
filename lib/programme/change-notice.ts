import "server-only";
import { and, eq } from "drizzle-orm";
import type { DatabaseOrTransaction } from "@/db/client";
import { getClinic } from "@/db/queries/clinics";
import { getCurrentLink } from "@/lib/links/current";
import { getProgrammeVersion, toDiffVersion } from "@/db/queries/programmes";
import { patients } from "@/db/schema";
import { programmeChangedEmail } from "@/lib/email/patient-emails";
import { enqueueEmail } from "@/lib/email/outbox";
import { env } from "@/lib/env";
import { linkKey } from "@/lib/links/token";
import { describeChanges, diffVersions } from "./diff";

/**
 * "Email Sam what changed": queued in the save's own transaction, so the email exists
 * exactly when the version does. Only with a live link (the email's whole point is the
 * link that now shows the new version). The key names the version, so a retried save
 * sends once. Returns whether an email was queued.
 */
export async function queueChangeNotice(
  tx: DatabaseOrTransaction,
  input: { clinicId: string; clinicianName: string; programmeId: string; version: number },
): Promise<boolean> {
  const { APP_URL, AUTH_SECRET } = env();
  if (input.version < 2) return false;
  const [current, previous, link] = await Promise.all([
    getProgrammeVersion(tx, { id: input.programmeId, clinicId: input.clinicId, version: input.version }),
    getProgrammeVersion(tx, { id: input.programmeId, clinicId: input.clinicId, version: input.version - 1 }),
    getCurrentLink(tx, { clinicId: input.clinicId, programmeId: input.programmeId, key: linkKey(AUTH_SECRET) }),
  ]);
  if (!current || !previous || !current.header.patientId || link?.status !== "active" || !link.token) return false;
  const [patient] = await tx
    .select({ email: patients.email })
    .from(patients)
    .where(and(eq(patients.clinicId, input.clinicId), eq(patients.id, current.header.patientId)));
  if (!patient) return false;
  const clinic = await getClinic(tx, { clinicId: input.clinicId });
  const email = programmeChangedEmail({
    clinicName: clinic?.name ?? "Your clinic",
    clinicianName: input.clinicianName,
    changes: describeChanges(diffVersions(toDiffVersion(previous), toDiffVersion(current))),
    changeNote: current.version.changeNote,
    url: `${APP_URL}/p/${link.token}`,
  });
  const queued = await enqueueEmail(tx, {
    clinicId: input.clinicId,
    idempotencyKey: `programme-changed:${input.programmeId}:${input.version}`,
    kind: "programme_changed",
    to: patient.email,
    ...email,
    // About the programme, so the link's own "last email" stays the link email.
    subjectRef: input.programmeId,
  });
  return queued.created;
}

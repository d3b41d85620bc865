import "server-only";
import type { Database, Transaction } from "@/db/client";
import { getClinic } from "@/db/queries/clinics";
import { getCurrentLink } from "@/lib/links/current";
import { addClinicianReply, addThreadReply } from "@/db/queries/messages";
import { getPatient } from "@/db/queries/patients";
import { getZones } from "@/db/queries/time-zones";
import { replyEmail } from "@/lib/email/patient-emails";
import { enqueueEmail } from "@/lib/email/outbox";
import { formatDate } from "@/lib/dates";
import { env } from "@/lib/env";
import { linkKey } from "@/lib/links/token";
import { effectiveTimeZone } from "@/lib/time/zone";

type Actor = { clinicId: string; clinicianId: string; clinicianName: string; ip?: string };

/** "Tuesday" within the last week, else "1 December": the session's day where the patient lives. */
function sessionDayWords(completedAt: Date, now: Date, zone: string): string {
  const recent = now.getTime() - completedAt.getTime() < 6 * 86_400_000;
  return formatDate(completedAt, recent ? { weekday: "long", timeZone: zone } : { day: "numeric", month: "long", timeZone: zone });
}

type Outcome = { ok: true; emailed: boolean; patientId: string; programmeId: string } | { ok: false };

/**
 * A clinician answers a session's comment: the message and, when the patient has a live
 * link, an email saying only who replied about which day, with the link (the words stay
 * on the page). Both in one transaction; a repeated form sends once.
 */
export async function replyToSession(
  db: Database,
  actor: Actor,
  input: { sessionLogId: string; body: string; requestId: string },
  now: Date = new Date(),
): Promise<Outcome> {
  return db.transaction(async (tx) => {
    const reply = await addClinicianReply(tx, actor, {
      sessionLogId: input.sessionLogId,
      body: input.body,
      idempotencyKey: input.requestId,
    });
    if (!reply) return { ok: false } as const;
    return emailReply(tx, actor, reply, (zone) => sessionDayWords(reply.sessionCompletedAt, now, zone));
  });
}

/** A clinician answers in the programme's thread (a question the patient started): the same, "about your exercises". */
export async function replyToThread(
  db: Database,
  actor: Actor,
  input: { programmeId: string; body: string; requestId: string },
): Promise<Outcome> {
  return db.transaction(async (tx) => {
    const reply = await addThreadReply(tx, actor, { programmeId: input.programmeId, body: input.body, idempotencyKey: input.requestId });
    if (!reply) return { ok: false } as const;
    return emailReply(tx, actor, reply, () => null);
  });
}

/** Emails the patient that there is a reply (never its words), once per message, when their link is live. */
async function emailReply(
  tx: Transaction,
  actor: Actor,
  reply: { id: string; created: boolean; programmeId: string; patientId: string },
  sessionDay: (zone: string) => string | null,
): Promise<Outcome> {
  const done = { ok: true, patientId: reply.patientId, programmeId: reply.programmeId } as const;
  if (!reply.created) return { ...done, emailed: false };
  const { APP_URL, AUTH_SECRET } = env();
  const [link, patient, clinic, zones] = await Promise.all([
    getCurrentLink(tx, { clinicId: actor.clinicId, programmeId: reply.programmeId, key: linkKey(AUTH_SECRET) }),
    getPatient(tx, { id: reply.patientId, clinicId: actor.clinicId }),
    getClinic(tx, { clinicId: actor.clinicId }),
    getZones(tx, { clinicId: actor.clinicId, patientId: reply.patientId }),
  ]);
  if (link?.status !== "active" || !link.token || !patient) return { ...done, emailed: false };
  const email = replyEmail({
    clinicName: clinic?.name ?? "Your clinic",
    clinicianName: actor.clinicianName,
    sessionDay: sessionDay(effectiveTimeZone(zones.patientZone, zones.clinicZone)),
    url: `${APP_URL}/p/${link.token}#messages`,
  });
  const queued = await enqueueEmail(tx, {
    clinicId: actor.clinicId,
    idempotencyKey: `reply:${reply.id}`,
    kind: "reply",
    to: patient.email,
    ...email,
    subjectRef: reply.programmeId,
  });
  return { ...done, emailed: queued.created };
}

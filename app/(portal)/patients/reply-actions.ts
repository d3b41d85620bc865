"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { clinicianAction, failure } from "@/lib/actions";
import { deliverSoon } from "@/lib/email/sender";
import { replyToSession, replyToThread } from "@/lib/patient/replies";
import { clientIp } from "@/lib/request";
import { replySchema, threadReplySchema } from "@/lib/validations/messages";

const SENT = {
  emailed: "Sent. The patient is emailed that you replied; your words are on their page.",
  saved: "Saved on the patient's page. They have no live link, so no email went.",
};

/** A clinician's answer to a session's comment; the patient sees it on their page and is emailed that it is there. */
export const replyToSessionAction = clinicianAction(replySchema, async (data, session, formData) => {
  const outcome = await replyToSession(await getDb(), await actorOf(session), data);
  if (!outcome.ok) return failure(formData, "That session is no longer here. Reload the page.");
  return sent(outcome);
});

/** A clinician's answer in a programme's thread, such as to a question the patient started. */
export const replyToThreadAction = clinicianAction(threadReplySchema, async (data, session, formData) => {
  const outcome = await replyToThread(await getDb(), await actorOf(session), data);
  if (!outcome.ok) return failure(formData, "That programme is no longer here. Reload the page.");
  return sent(outcome);
});

async function actorOf(session: { clinicId: string; clinicianId: string; name: string }) {
  return { clinicId: session.clinicId, clinicianId: session.clinicianId, clinicianName: session.name, ip: clientIp(await headers()) };
}

function sent(outcome: { emailed: boolean; patientId: string }) {
  if (outcome.emailed) deliverSoon();
  revalidatePath(`/patients/${outcome.patientId}`);
  revalidatePath("/dashboard");
  return { ok: true, message: outcome.emailed ? SENT.emailed : SENT.saved, values: { requestId: randomUUID() } };
}

"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { clinicianAction, failure } from "@/lib/actions";
import { deliverSoon } from "@/lib/email/sender";
import { replyToSession } from "@/lib/patient/replies";
import { clientIp } from "@/lib/request";
import { replySchema } from "@/lib/validations/messages";

/** A clinician's answer to a session's comment; the patient sees it on their page and is emailed that it is there. */
export const replyToSessionAction = clinicianAction(replySchema, async (data, session, formData) => {
  const outcome = await replyToSession(
    await getDb(),
    { clinicId: session.clinicId, clinicianId: session.clinicianId, clinicianName: session.name, ip: clientIp(await headers()) },
    { sessionLogId: data.sessionLogId, body: data.body, requestId: data.requestId },
  );
  if (!outcome.ok) return failure(formData, "That session is no longer here. Reload the page.");
  if (outcome.emailed) deliverSoon();
  revalidatePath(`/patients/${outcome.patientId}`);
  return {
    ok: true,
    message: outcome.emailed
      ? "Sent. The patient is emailed that you replied; your words are on their page."
      : "Saved on the patient's page. They have no live link, so no email went.",
    values: { requestId: randomUUID() },
  };
});

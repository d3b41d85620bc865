"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { revokeLinks } from "@/db/queries/links";
import { issueLink } from "@/lib/links/issue";
import { sendPatientLink } from "@/lib/links/send-link";
import { deliverSoon } from "@/lib/email/sender";
import { clinicianAction } from "@/lib/actions";
import { env } from "@/lib/env";
import { linkKey } from "@/lib/links/token";
import { prerenderHandout } from "@/lib/pdf/programme-handout";
import { clientIp } from "@/lib/request";

const programmeSchema = z.object({ programmeId: z.uuid() });

/** Creates the patient's link, replacing (and so stopping) any earlier one. */
export const issueLinkAction = clinicianAction(programmeSchema, async ({ programmeId }, session) => {
  const ip = clientIp(await headers());
  const db = await getDb();
  await db.transaction((tx) =>
    issueLink(tx, { clinicId: session.clinicId, clinicianId: session.clinicianId, ip }, { programmeId, key: linkKey(env().AUTH_SECRET) }),
  );
  // A new link is a new QR code: its sheet is drawn after the response, ready for the first download.
  after(() => prerenderHandout(db, { clinicId: session.clinicId, programmeId }));
  revalidatePath(`/programmes/${programmeId}`);
  return { ok: true, message: "A new link is ready. Any earlier link has stopped working." };
});

export const revokeLinkAction = clinicianAction(programmeSchema, async ({ programmeId }, session) => {
  const ip = clientIp(await headers());
  const db = await getDb();
  const count = await db.transaction((tx) =>
    revokeLinks(tx, { clinicId: session.clinicId, clinicianId: session.clinicianId, ip }, { programmeId }),
  );
  revalidatePath(`/programmes/${programmeId}`);
  return {
    ok: true,
    message: count ? "The link has stopped working. Issue a new one when the patient needs it." : "There was no live link to stop.",
  };
});

/** Emails the live link (issuing one if needed). `requestId` makes a double click one email. */
export const sendLinkEmailAction = clinicianAction(
  programmeSchema.extend({ requestId: z.uuid() }),
  async ({ programmeId, requestId }, session) => {
    const ip = clientIp(await headers());
    const settings = env();
    const outcome = await sendPatientLink(
      await getDb(),
      { clinicId: session.clinicId, clinicianId: session.clinicianId, clinicianName: session.name, ip },
      { programmeId, requestId, key: linkKey(settings.AUTH_SECRET), appUrl: settings.APP_URL },
    );
    if (outcome.sent) deliverSoon();
    revalidatePath(`/programmes/${programmeId}`);
    const where = settings.SMTP_URL ? "It is on its way." : "Email is not set up on this server, so it is waiting in the Mailbox.";
    return {
      ok: true,
      message: outcome.sent ? `Link emailed to ${outcome.to}. ${where}` : `That email to ${outcome.to} was already sent.`,
      values: { requestId: crypto.randomUUID() },
    };
  },
);

"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { issueLink, revokeLinks } from "@/db/queries/links";
import { clinicianAction } from "@/lib/actions";
import { env } from "@/lib/env";
import { linkKey } from "@/lib/links/token";
import { clientIp } from "@/lib/request";

const programmeSchema = z.object({ programmeId: z.uuid() });

/** Creates the patient's link, replacing (and so stopping) any earlier one. */
export const issueLinkAction = clinicianAction(programmeSchema, async ({ programmeId }, session) => {
  const ip = clientIp(await headers());
  const db = await getDb();
  await db.transaction((tx) => issueLink(tx, { clinicId: session.clinicId, clinicianId: session.clinicianId, ip }, { programmeId, key: linkKey(env().AUTH_SECRET) }));
  revalidatePath(`/programmes/${programmeId}`);
  return { ok: true, message: "A new link is ready. Any earlier link has stopped working." };
});

export const revokeLinkAction = clinicianAction(programmeSchema, async ({ programmeId }, session) => {
  const ip = clientIp(await headers());
  const db = await getDb();
  const count = await db.transaction((tx) => revokeLinks(tx, { clinicId: session.clinicId, clinicianId: session.clinicianId, ip }, { programmeId }));
  revalidatePath(`/programmes/${programmeId}`);
  return { ok: true, message: count ? "The link has stopped working. Issue a new one when the patient needs it." : "There was no live link to stop." };
});

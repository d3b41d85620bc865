import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { getCurrentLink } from "@/db/queries/links";
import { authorizeClinician } from "@/lib/auth/dal";
import { env } from "@/lib/env";
import { AppError, errorResponse } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { shortAddress } from "@/lib/links/short-code";
import { linkKey } from "@/lib/links/token";
import { pdfResponse, programmeHandout } from "@/lib/pdf/programme-handout";
import { clientIp } from "@/lib/request";

/** The clinician's download of the handout. It needs a live link: the sheet carries it as a QR code. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const session = await authorizeClinician();
    const { id } = await params;
    if (!isUuid(id)) throw new AppError("not_found");
    const db = await getDb();
    const link = await getCurrentLink(db, { clinicId: session.clinicId, programmeId: id, key: linkKey(env().AUTH_SECRET) });
    if (!link || link.status !== "active" || !link.token) throw new AppError("not_found");
    const shortUrl = link.shortCode ? shortAddress(env().APP_URL, link.shortCode) : undefined;
    const handout = await programmeHandout(db, { clinicId: session.clinicId, programmeId: id, link: { id: link.id, token: link.token, shortUrl }, appUrl: env().APP_URL });
    if (!handout) throw new AppError("not_found");
    await recordAudit(db, {
      clinicId: session.clinicId,
      actorId: session.clinicianId,
      action: "programme.exported",
      objectType: "programme",
      objectId: id,
      ip: clientIp(await headers()),
      detail: { format: "pdf" },
    });
    return pdfResponse(handout, "attachment");
  } catch (error) {
    return errorResponse(error);
  }
}

import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { authorizeClinician } from "@/lib/auth/dal";
import { AppError, errorResponse } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { currentLinkHandout, pdfResponse } from "@/lib/pdf/programme-handout";
import { clientIp } from "@/lib/request";

/** The clinician's download of the handout. It needs a live link: the sheet carries it as a QR code. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const session = await authorizeClinician();
    const { id } = await params;
    if (!isUuid(id)) throw new AppError("not_found");
    const db = await getDb();
    const handout = await currentLinkHandout(db, { clinicId: session.clinicId, programmeId: id });
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

import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { authorizeRecordExport } from "@/lib/auth/dal";
import { AppError, errorResponse } from "@/lib/errors";
import { patientRecordZip } from "@/lib/record/export";
import { clientIp } from "@/lib/request";

/** A patient's whole record as one ZIP (GDPR Art. 15/20), for an owner or a clinician treating them. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const session = await authorizeRecordExport(id);
    const db = await getDb();
    const key = { clinicId: session.clinicId, patientId: id };
    const record = await patientRecordZip(db, key);
    if (!record) throw new AppError("not_found");
    await recordAudit(db, {
      clinicId: session.clinicId,
      actorId: session.clinicianId,
      action: "patient.exported",
      objectType: "patient",
      objectId: id,
      ip: clientIp(await headers()),
      detail: { format: "zip" },
    });
    return new Response(record.stream, {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="${record.filename}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

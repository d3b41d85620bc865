import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { patientBundle } from "@/lib/fhir/export";
import { authorizeRecordExport } from "@/lib/auth/dal";
import { AppError, errorResponse } from "@/lib/errors";
import { FHIR_JSON } from "@/lib/fhir/bundle";
import { clientIp } from "@/lib/request";

/** One patient's record as a FHIR R4 collection Bundle, for an owner or a clinician treating them. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    // The same record as the ZIP export, so the same people may take it.
    const session = await authorizeRecordExport(id);
    const db = await getDb();
    const bundle = await patientBundle(db, { clinicId: session.clinicId, patientId: id });
    if (!bundle) throw new AppError("not_found");
    await recordAudit(db, {
      clinicId: session.clinicId,
      actorId: session.clinicianId,
      action: "patient.exported",
      objectType: "patient",
      objectId: id,
      ip: clientIp(await headers()),
      detail: { format: "fhir" },
    });
    return new Response(JSON.stringify(bundle, null, 1), {
      headers: { "Content-Type": FHIR_JSON, "Content-Disposition": `attachment; filename="patient-${id}.fhir.json"`, "Cache-Control": "no-store" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}

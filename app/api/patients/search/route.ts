import { getDb } from "@/db/client";
import { listPatientPage } from "@/db/queries/patient-status";
import { authorizeClinician } from "@/lib/auth/dal";
import { AppError, errorResponse } from "@/lib/errors";
import { patientPickerQuery } from "@/lib/validations/patient";

export const dynamic = "force-dynamic";

const SHOWN = 8;

/** Find-as-you-type for choosing one of the clinic's current patients (who is in a photo, say). */
export async function GET(request: Request) {
  try {
    const session = await authorizeClinician();
    const parsed = patientPickerQuery.safeParse({ q: new URL(request.url).searchParams.get("q") ?? "" });
    if (!parsed.success) throw new AppError("invalid");
    const { q } = parsed.data;
    const page = await listPatientPage(await getDb(), {
      clinicId: session.clinicId,
      query: { q, show: "all", sort: "name", cursor: undefined, template: undefined },
      pageSize: SHOWN,
      withTotal: false,
    });
    const patients = page.rows.map((p) => ({ id: p.id, name: p.name, email: p.email }));
    return Response.json({ patients }, { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

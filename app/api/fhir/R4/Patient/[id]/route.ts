import { getFhirPatient } from "@/db/queries/fhir";
import { AppError } from "@/lib/errors";
import { fhirRead } from "@/lib/fhir/api";
import { patientResource } from "@/lib/fhir/people";
import { isUuid } from "@/lib/ids";

export const GET = fhirRead<{ id: string }>(async ({ db, grant }, { id }) => {
  const patient = isUuid(id) ? await getFhirPatient(db, { clinicId: grant.clinicId, patientId: id }) : undefined;
  if (!patient) throw new AppError("not_found");
  return { body: patientResource(patient), objectType: "patient", objectId: patient.id };
});

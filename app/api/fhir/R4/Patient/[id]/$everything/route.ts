import type { Resource } from "@medplum/fhirtypes";
import { patientResources } from "@/lib/fhir/export";
import { AppError } from "@/lib/errors";
import { fhirRead } from "@/lib/fhir/api";
import { searchsetBundle } from "@/lib/fhir/bundle";
import { isUuid } from "@/lib/ids";
import { SearchError } from "@/lib/fhir/search";

/** The patient's whole record in one searchset: the patient as the match, the rest included. */
export const GET = fhirRead<{ id: string }>(async ({ db, grant, base, url }, { id }) => {
  if ([...url.searchParams.keys()].some((k) => k !== "_format"))
    throw new SearchError("$everything takes no parameters here: it returns the whole record.");
  const resources: Resource[] = [];
  if (isUuid(id)) for await (const r of patientResources(db, { clinicId: grant.clinicId, patientId: id }, base)) resources.push(r);
  const patient = resources.find((r) => r.resourceType === "Patient");
  if (!patient) throw new AppError("not_found");
  return {
    body: searchsetBundle(base, {
      self: `${base}/Patient/${id}/$everything`,
      matches: [patient],
      included: resources.filter((r) => r !== patient),
      total: 1,
    }),
    objectType: "patient",
    objectId: id,
  };
});

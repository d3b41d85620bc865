import { getFhirPatient, listFhirVersions } from "@/db/queries/fhir";
import { AppError } from "@/lib/errors";
import { fhirRead } from "@/lib/fhir/api";
import { searchsetBundle } from "@/lib/fhir/bundle";
import { carePlanResource } from "@/lib/fhir/plan";
import { nextPageUrl, parseSearch } from "@/lib/fhir/search";

export const GET = fhirRead(async ({ db, grant, base, url }) => {
  const search = parseSearch("CarePlan", url.searchParams, "version");
  const scope = { clinicId: grant.clinicId, patientId: search.patientId };
  if (!(await getFhirPatient(db, scope))) throw new AppError("not_found");
  const rows = await listFhirVersions(db, { ...scope, after: search.after, limit: search.count + 1 });
  const page = rows.slice(0, search.count);
  const last = page.at(-1);
  const next =
    rows.length > search.count && last
      ? nextPageUrl(base, "CarePlan", url.searchParams, search.count, { programmeId: last.programmeId, version: last.version })
      : undefined;
  return {
    body: searchsetBundle(base, { self: url.href, next, matches: page.map(carePlanResource) }),
    objectType: "patient",
    objectId: search.patientId,
  };
});

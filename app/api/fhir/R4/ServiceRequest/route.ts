import { getFhirPatient, listFhirItems } from "@/db/queries/fhir";
import { AppError } from "@/lib/errors";
import { fhirRead } from "@/lib/fhir/api";
import { searchsetBundle } from "@/lib/fhir/bundle";
import { serviceRequestResource } from "@/lib/fhir/plan";
import { nextPageUrl, parseSearch } from "@/lib/fhir/search";

export const GET = fhirRead(async ({ db, grant, base, url }) => {
  const search = parseSearch("ServiceRequest", url.searchParams, "item");
  const scope = { clinicId: grant.clinicId, patientId: search.patientId };
  if (!(await getFhirPatient(db, scope))) throw new AppError("not_found");
  const rows = await listFhirItems(db, { ...scope, after: search.after, limit: search.count + 1 });
  const page = rows.slice(0, search.count);
  const last = page.at(-1);
  const next =
    rows.length > search.count && last
      ? nextPageUrl(base, "ServiceRequest", url.searchParams, search.count, {
          programmeId: last.version.programmeId,
          version: last.version.version,
          position: last.item.position,
        })
      : undefined;
  return {
    body: searchsetBundle(base, {
      self: url.href,
      next,
      matches: page.map(({ version, item }) => serviceRequestResource(version, item, base)),
    }),
    objectType: "patient",
    objectId: search.patientId,
  };
});

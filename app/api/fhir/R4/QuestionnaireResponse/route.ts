import { getFhirPatient, listFhirResponses } from "@/db/queries/fhir";
import { AppError } from "@/lib/errors";
import { fhirRead } from "@/lib/fhir/api";
import { searchsetBundle } from "@/lib/fhir/bundle";
import { outcomeResources } from "@/lib/fhir/outcomes";
import { nextPageUrl, parseSearch } from "@/lib/fhir/search";

/** The patient's answered outcome measures; each page includes the scores derived from its responses. */
export const GET = fhirRead(async ({ db, grant, base, url }) => {
  const search = parseSearch("QuestionnaireResponse", url.searchParams, "response");
  const scope = { clinicId: grant.clinicId, patientId: search.patientId };
  if (!(await getFhirPatient(db, scope))) throw new AppError("not_found");
  const rows = await listFhirResponses(db, { ...scope, after: search.after, limit: search.count + 1 });
  const page = rows.slice(0, search.count);
  const last = page.at(-1);
  const next =
    rows.length > search.count && last
      ? nextPageUrl(base, "QuestionnaireResponse", url.searchParams, search.count, {
          answeredAt: last.answeredAt.toISOString(),
          id: last.id,
        })
      : undefined;
  const { answered } = await outcomeResources(db, scope, page, base);
  return {
    body: searchsetBundle(base, {
      self: url.href,
      next,
      matches: answered.map((a) => a.response),
      included: answered.flatMap((a) => (a.score ? [a.score] : [])),
    }),
    objectType: "patient",
    objectId: search.patientId,
  };
});

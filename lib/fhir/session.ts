import type { Observation, Procedure } from "@medplum/fhirtypes";
import { DIFFICULTY_LABELS } from "@/lib/domain/labels";
import { ACTIVITY_CATEGORY, DIFFICULTY_CODE, EXERCISE_ACTIVITY, EXERCISE_THERAPY, PAIN_SEVERITY, SURVEY_CATEGORY } from "./codes";
import { fhirIds } from "./ids";
import { ref } from "./people";
import type { LogRecord } from "./records";

/*
 * One logged session is a Procedure (the home-exercise session, based on the exercises
 * it did), an Observation per exercise with the sets done against the sets planned, and
 * the patient's pain (LOINC 72514-3) and perceived difficulty as Observations of it.
 */

export type SessionResources = { procedure: Procedure; observations: Observation[] };

export function sessionResources(log: LogRecord, exerciseName: (position: number) => string | undefined): SessionResources {
  const procedureId = fhirIds.sessionProcedure(log.id);
  const partOf = [ref("Procedure", procedureId)];
  const subject = ref("Patient", log.patientId);
  const effectiveDateTime = log.completedAt.toISOString();
  const requestOf = (position: number) => ref("ServiceRequest", fhirIds.serviceRequest(log.programmeId, log.version, position));
  const done = log.exercises.filter((e) => !e.skipped && e.setsDone > 0);

  const procedure: Procedure = {
    resourceType: "Procedure",
    id: procedureId,
    basedOn: done.length > 0 ? done.map((e) => requestOf(e.position)) : [ref("CarePlan", fhirIds.carePlan(log.programmeId, log.version))],
    status: "completed",
    code: { coding: [EXERCISE_THERAPY], text: "Home exercise session" },
    subject,
    ...(log.startedAt
      ? { performedPeriod: { start: log.startedAt.toISOString(), end: effectiveDateTime } }
      : { performedDateTime: effectiveDateTime }),
    ...(log.comment ? { note: [{ text: log.comment }] } : {}),
  };

  const observations: Observation[] = log.exercises.map((e) => ({
    resourceType: "Observation",
    id: fhirIds.exerciseObservation(log.id, e.position),
    basedOn: [requestOf(e.position)],
    partOf,
    status: "final",
    category: [ACTIVITY_CATEGORY],
    code: { coding: [EXERCISE_ACTIVITY] },
    subject,
    effectiveDateTime,
    valueCodeableConcept: { text: exerciseName(e.position) ?? "Exercise" },
    component: [
      { code: { text: "Sets done" }, valueInteger: e.setsDone },
      { code: { text: "Sets planned" }, valueInteger: e.setsPlanned },
    ],
    ...(e.skipped ? { note: [{ text: "Skipped" }] } : {}),
  }));
  if (log.pain !== null) {
    observations.push({
      resourceType: "Observation",
      id: fhirIds.painObservation(log.id),
      partOf,
      status: "final",
      category: [SURVEY_CATEGORY],
      code: { coding: [PAIN_SEVERITY], text: "Pain after the session (0-10)" },
      subject,
      effectiveDateTime,
      valueInteger: log.pain,
    });
  }
  if (log.difficulty) {
    observations.push({
      resourceType: "Observation",
      id: fhirIds.difficultyObservation(log.id),
      partOf,
      status: "final",
      category: [SURVEY_CATEGORY],
      code: DIFFICULTY_CODE,
      subject,
      effectiveDateTime,
      valueCodeableConcept: { text: DIFFICULTY_LABELS[log.difficulty] },
    });
  }
  return { procedure, observations };
}

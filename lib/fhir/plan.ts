import type { ActivityDefinition, CarePlan, ServiceRequest, Timing } from "@medplum/fhirtypes";
import { dosageSentence, daysPerWeekWords, timesPerDayWords } from "@/lib/dosage/format";
import { ASSESS_PLAN_CATEGORY, EXERCISE_THERAPY, PHYSICAL_ACTIVITY_CATEGORY, PHYSICAL_THERAPY_PROCEDURE } from "./codes";
import { fhirIds } from "./ids";
import { ref } from "./people";
import type { ExerciseRecord, ItemRecord, VersionRecord } from "./records";

/*
 * A programme version is a CarePlan; each of its exercises with its dose is a
 * ServiceRequest based on it; the catalogue exercise behind it is an ActivityDefinition.
 * A version is never edited, so its resources never change once written.
 */

const CAREPLAN_STATUS = { current: "active", archived: "completed", superseded: "revoked" } as const;
const REQUEST_STATUS = { current: "active", archived: "completed", superseded: "revoked" } as const;

/** Canonical URL of an exercise's ActivityDefinition under the server's FHIR base. */
const activityDefinitionUrl = (base: string, exerciseId: string) => `${base}/ActivityDefinition/${exerciseId}`;

/** Times a day and days a week as one Timing: per day when daily, otherwise per week. */
function exerciseTiming(d: { timesPerDay: number; daysPerWeek: number }): Timing {
  const words = `${timesPerDayWords(d.timesPerDay)}, ${daysPerWeekWords(d.daysPerWeek)}`;
  const repeat: Timing["repeat"] =
    d.daysPerWeek >= 7
      ? { frequency: d.timesPerDay, period: 1, periodUnit: "d" }
      : { frequency: d.timesPerDay * d.daysPerWeek, period: 1, periodUnit: "wk" };
  return { repeat, code: { text: words } };
}

export function carePlanResource(v: VersionRecord): CarePlan {
  return {
    resourceType: "CarePlan",
    id: fhirIds.carePlan(v.programmeId, v.version),
    status: CAREPLAN_STATUS[v.state],
    intent: "plan",
    category: [PHYSICAL_ACTIVITY_CATEGORY, ASSESS_PLAN_CATEGORY],
    title: v.title,
    ...(v.changeNote ? { description: v.changeNote } : {}),
    subject: ref("Patient", v.patientId),
    ...(v.startDate || v.reviewDate
      ? { period: { ...(v.startDate ? { start: v.startDate } : {}), ...(v.reviewDate ? { end: v.reviewDate } : {}) } }
      : {}),
    created: v.createdAt.toISOString(),
    ...(v.createdBy ? { author: ref("Practitioner", v.createdBy) } : {}),
    ...(v.version > 1 ? { replaces: [ref("CarePlan", fhirIds.carePlan(v.programmeId, v.version - 1))] } : {}),
    activity: v.items.map((item) => ({
      reference: ref("ServiceRequest", fhirIds.serviceRequest(v.programmeId, v.version, item.position)),
    })),
    ...(v.patientNote ? { note: [{ text: v.patientNote }] } : {}),
  };
}

export function serviceRequestResource(v: VersionRecord, item: ItemRecord, base: string): ServiceRequest {
  const dose = dosageSentence(item);
  return {
    resourceType: "ServiceRequest",
    id: fhirIds.serviceRequest(v.programmeId, v.version, item.position),
    instantiatesCanonical: [activityDefinitionUrl(base, item.exerciseId)],
    basedOn: [ref("CarePlan", fhirIds.carePlan(v.programmeId, v.version))],
    status: REQUEST_STATUS[v.state],
    intent: "order",
    category: [{ coding: [PHYSICAL_THERAPY_PROCEDURE] }],
    code: { coding: [EXERCISE_THERAPY], text: item.name },
    orderDetail: [{ text: dose }],
    subject: ref("Patient", v.patientId),
    occurrenceTiming: exerciseTiming(item),
    authoredOn: v.createdAt.toISOString(),
    ...(v.createdBy ? { requester: ref("Practitioner", v.createdBy) } : {}),
    patientInstruction: [`${item.name}: ${dose}.`, item.note].filter(Boolean).join(" "),
  };
}

/** FHIR's computable name: a capital letter, then letters, digits and underscores. */
function computableName(slug: string): string {
  const name = slug
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");
  return /^[A-Z]/.test(name) ? name : `Exercise${name}`;
}

export function activityDefinitionResource(exercise: ExerciseRecord, base: string): ActivityDefinition {
  const d = exercise.defaultDosage;
  const dose = dosageSentence({ ...d, load: d.load ?? "", note: d.note ?? "" });
  const steps = exercise.steps.map((step, i) => `${i + 1}. ${step}`).join("\n");
  const cautions = exercise.cautions.map((c) => `- ${c}`).join("\n");
  return {
    resourceType: "ActivityDefinition",
    id: exercise.id,
    url: activityDefinitionUrl(base, exercise.id),
    name: computableName(exercise.slug),
    title: exercise.name,
    status: exercise.retiredAt ? "retired" : "active",
    description: [exercise.purpose, `Steps:\n\n${steps}`, cautions ? `Cautions:\n\n${cautions}` : "", `Starting dose: ${dose}.`]
      .filter(Boolean)
      .join("\n\n"),
    purpose: exercise.purpose,
    usage: `Starting dose: ${dose}.`,
    kind: "ServiceRequest",
    intent: "proposal",
    code: { coding: [EXERCISE_THERAPY], text: exercise.name },
    timingTiming: exerciseTiming(d),
  };
}

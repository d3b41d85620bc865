import type {
  Observation,
  Questionnaire,
  QuestionnaireItem,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  QuestionnaireResponseItemAnswer,
} from "@medplum/fhirtypes";
import type { Answer, MeasureDefinition, MeasureItem } from "@/lib/outcomes/measure";
import { SURVEY_CATEGORY } from "./codes";
import { derivedId, fhirIds } from "./ids";
import { ref } from "./people";

/*
 * Outcome measures as FHIR R4: each measure a Questionnaire (built from Homeplan's
 * reading of it, so an export always validates), each answered measure a
 * QuestionnaireResponse based on the programme version it was answered in, and its
 * score an Observation derived from the response. A PSFS activity is a group of the
 * patient's name for it and the 0–10 rating.
 */

const ORDINAL = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
const MIN = "http://hl7.org/fhir/StructureDefinition/minValue";
const MAX = "http://hl7.org/fhir/StructureDefinition/maxValue";

export const questionnaireId = (measureKey: string) => derivedId("questionnaire", measureKey);
const questionnaireUrl = (base: string, measureKey: string) => `${base}/Questionnaire/${questionnaireId(measureKey)}`;
export type ResponseRecord = {
  id: string;
  patientId: string;
  programmeId: string;
  version: number;
  measure: string;
  answeredAt: Date;
  answers: Answer[];
  score: number | null;
};

function bounds(min: number | null, max: number | null, integer: boolean) {
  const value = (n: number) => (integer ? { valueInteger: n } : { valueDecimal: n });
  const ext = [...(min !== null ? [{ url: MIN, ...value(min) }] : []), ...(max !== null ? [{ url: MAX, ...value(max) }] : [])];
  return ext.length ? { extension: ext } : {};
}

function questionnaireItem(item: MeasureItem): QuestionnaireItem {
  switch (item.type) {
    case "display":
    case "string":
      return { linkId: item.linkId, type: item.type, text: item.text };
    case "group":
      return { linkId: item.linkId, type: "group", text: item.text, item: item.items.map(questionnaireItem) };
    case "choice":
      return {
        linkId: item.linkId,
        type: "choice",
        text: item.text,
        answerOption: item.options.map((o) => ({
          valueCoding: { code: o.code, display: o.display, extension: [{ url: ORDINAL, valueDecimal: o.score }] },
        })),
      };
    case "activity":
      return {
        linkId: item.linkId,
        type: "group",
        text: item.text,
        item: [
          { linkId: `${item.linkId}.name`, type: "string", text: "The activity, in the patient's words" },
          {
            linkId: `${item.linkId}.rating`,
            type: "integer",
            text: "How well the patient can do it (0 unable, 10 as before)",
            ...bounds(item.min, item.max, true),
          },
        ],
      };
    default:
      return { linkId: item.linkId, type: item.type, text: item.text, ...bounds(item.min, item.max, item.type === "integer") };
  }
}

export function questionnaireResource(measure: MeasureDefinition, base: string): Questionnaire {
  return {
    resourceType: "Questionnaire",
    id: questionnaireId(measure.key),
    url: questionnaireUrl(base, measure.key),
    title: measure.title,
    status: "active",
    subjectType: ["Patient"],
    ...(measure.intro ? { description: measure.intro } : {}),
    item: measure.items.map(questionnaireItem),
  };
}

function flatItems(items: MeasureItem[]): Map<string, MeasureItem> {
  const all = new Map<string, MeasureItem>();
  const walk = (list: MeasureItem[]) => list.forEach((i) => (i.type === "group" ? walk(i.items) : all.set(i.linkId, i)));
  walk(items);
  return all;
}

function responseAnswer(item: MeasureItem | undefined, value: number | string): QuestionnaireResponseItemAnswer {
  if (item?.type === "choice") {
    const option = item.options.find((o) => o.code === value);
    return { valueCoding: { code: String(value), ...(option ? { display: option.display } : {}) } };
  }
  if (typeof value === "string") return { valueString: value };
  return item?.type === "decimal" ? { valueDecimal: value } : { valueInteger: value };
}

export function questionnaireResponseResource(response: ResponseRecord, measure: MeasureDefinition, base: string): QuestionnaireResponse {
  const items = flatItems(measure.items);
  const item: QuestionnaireResponseItem[] = response.answers.map((a) => {
    const def = items.get(a.linkId);
    if (def?.type === "activity") {
      return {
        linkId: a.linkId,
        item: [
          { linkId: `${a.linkId}.name`, answer: [{ valueString: a.label ?? "" }] },
          { linkId: `${a.linkId}.rating`, answer: [{ valueInteger: Number(a.value) }] },
        ],
      };
    }
    return { linkId: a.linkId, answer: [responseAnswer(def, a.value)] };
  });
  return {
    resourceType: "QuestionnaireResponse",
    id: derivedId("questionnaire-response", response.id),
    questionnaire: questionnaireUrl(base, measure.key),
    status: "completed",
    basedOn: [ref("CarePlan", fhirIds.carePlan(response.programmeId, response.version))],
    subject: ref("Patient", response.patientId),
    authored: response.answeredAt.toISOString(),
    source: ref("Patient", response.patientId),
    item,
  };
}

/** The response's score by the measure's rule, as an Observation derived from it. */
export function scoreObservation(response: ResponseRecord, measure: MeasureDefinition): Observation | null {
  if (response.score === null) return null;
  return {
    resourceType: "Observation",
    id: derivedId("questionnaire-score", response.id),
    status: "final",
    category: [SURVEY_CATEGORY],
    code: { text: `${measure.title} score (${measure.rule})` },
    subject: ref("Patient", response.patientId),
    effectiveDateTime: response.answeredAt.toISOString(),
    valueQuantity: { value: response.score, unit: measure.rule === "percent" ? "%" : "score" },
    derivedFrom: [ref("QuestionnaireResponse", derivedId("questionnaire-response", response.id))],
  };
}

import "server-only";
import type { Observation, Questionnaire, QuestionnaireResponse } from "@medplum/fhirtypes";
import type { DatabaseOrTransaction } from "@/db/client";
import { listFhirImportedMeasureKeys } from "@/db/queries/fhir";
import { getMeasure } from "@/lib/outcomes/measures";
import { BUILTIN_MEASURES } from "@/lib/domain/outcomes";
import type { Answer, MeasureDefinition } from "@/lib/outcomes/measure";
import { questionnaireId, questionnaireResource, questionnaireResponseResource, scoreObservation } from "./questionnaire";

/*
 * A patient's answered outcome measures as FHIR, for the whole-record export and the
 * QuestionnaireResponse search alike: each response with its score Observation, and the
 * measures they answer, each read once.
 */

type Scope = { clinicId: string; patientId: string };
type ResponseRow = {
  id: string;
  programmeId: string;
  version: number;
  measure: string;
  answeredAt: Date;
  answers: Answer[];
  score: number | null;
};

export type OutcomeResources = {
  questionnaires: Questionnaire[];
  answered: { response: QuestionnaireResponse; score: Observation | null }[];
};

export async function outcomeResources(
  db: DatabaseOrTransaction,
  scope: Scope,
  rows: ResponseRow[],
  base: string,
): Promise<OutcomeResources> {
  const measures = new Map<string, MeasureDefinition>();
  for (const key of new Set(rows.map((r) => r.measure))) {
    const measure = await getMeasure(db, { clinicId: scope.clinicId, key });
    if (measure) measures.set(key, measure);
  }
  const answered = rows.flatMap((row) => {
    const measure = measures.get(row.measure);
    if (!measure) return [];
    const record = { ...row, patientId: scope.patientId };
    return [{ response: questionnaireResponseResource(record, measure, base), score: scoreObservation(record, measure) }];
  });
  return { questionnaires: [...measures.values()].map((m) => questionnaireResource(m, base)), answered };
}

/**
 * The Questionnaire a response's canonical URL names, among the built-in measures and
 * every measure this clinic ever imported (archived ones too: old answers still point at
 * them); undefined for any other id.
 */
export async function findQuestionnaire(db: DatabaseOrTransaction, clinicId: string, id: string, base: string) {
  const keys = [...BUILTIN_MEASURES, ...(await listFhirImportedMeasureKeys(db, { clinicId }))];
  const key = keys.find((k) => questionnaireId(k) === id);
  const measure = key ? await getMeasure(db, { clinicId, key }) : null;
  return measure ? questionnaireResource(measure, base) : undefined;
}

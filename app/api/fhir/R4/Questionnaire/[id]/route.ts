import { AppError } from "@/lib/errors";
import { fhirRead } from "@/lib/fhir/api";
import { findQuestionnaire } from "@/lib/fhir/outcomes";

/** The measure a QuestionnaireResponse's `questionnaire` URL names: built in, or one this clinic imported. */
export const GET = fhirRead<{ id: string }>(async ({ db, grant, base }, { id }) => {
  const questionnaire = await findQuestionnaire(db, grant.clinicId, id, base);
  if (!questionnaire) throw new AppError("not_found");
  return { body: questionnaire, objectType: "questionnaire", objectId: questionnaire.id };
});

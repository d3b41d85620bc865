"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db/client";
import { archiveMeasure, importMeasure } from "@/db/queries/outcomes";
import { clinicianAction, failure } from "@/lib/actions";
import { importQuestionnaire } from "@/lib/outcomes/import";
import { clientIp } from "@/lib/request";
import { questionnaireImportSchema } from "@/lib/validations/outcomes";

const actorOf = async (session: { clinicId: string; clinicianId: string }) => ({ ...session, ip: clientIp(await headers()) });

/** Adds a measure the clinic holds a licence for, from a FHIR R4 Questionnaire; anything it cannot ask or score is refused, with the item named. */
export const importQuestionnaireAction = clinicianAction(
  questionnaireImportSchema,
  async ({ json, rule, mcid, direction }, session, formData) => {
    const result = importQuestionnaire(json, { rule, mcid, higherIsBetter: direction === "higher" });
    if (!result.ok) return failure(formData, result.message, { json: [result.message] });
    await importMeasure(await getDb(), await actorOf(session), { measure: result.measure, questionnaire: result.questionnaire });
    revalidatePath("/settings");
    return { ok: true, message: `"${result.measure.title}" added. Clinicians can now ask it on a programme.` };
  },
  { owner: true },
);

export const archiveMeasureAction = clinicianAction(
  z.object({ id: z.string().max(40) }),
  async ({ id }, session, formData) => {
    if (!(await archiveMeasure(await getDb(), await actorOf(session), { key: id })))
      return failure(formData, "That measure was not found.");
    revalidatePath("/settings");
    return { ok: true, message: "The measure is no longer offered. Answers already given are kept." };
  },
  { owner: true },
);

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { createPatient, setPatientArchived, updatePatient } from "@/db/queries/patients";
import { clinicianAction } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { patientSchema } from "@/lib/validations/patient";

export const createPatientAction = clinicianAction(patientSchema, async (input, session) => {
  const id = await createPatient(await getDb(), { clinicId: session.clinicId, clinicianId: session.clinicianId }, input);
  revalidatePath("/patients");
  redirect(`/patients/${id}?created=1`);
});

export const updatePatientAction = clinicianAction(patientSchema.extend({ id: z.uuid() }), async ({ id, ...input }, session) => {
  const ok = await updatePatient(await getDb(), { id, clinicId: session.clinicId, clinicianId: session.clinicianId }, input);
  if (!ok) throw new AppError("not_found");
  revalidatePath("/patients", "layout");
  redirect(`/patients/${id}?saved=1`);
});

export const archivePatientAction = clinicianAction(
  z.object({ id: z.uuid(), archived: z.enum(["true", "false"]) }),
  async ({ id, archived }, session) => {
    const ok = await setPatientArchived(
      await getDb(),
      { id, clinicId: session.clinicId, clinicianId: session.clinicianId },
      archived === "true",
    );
    if (!ok) throw new AppError("not_found");
    revalidatePath("/patients", "layout");
    return { ok: true, message: archived === "true" ? "Patient archived. Their records are kept." : "Patient restored." };
  },
);

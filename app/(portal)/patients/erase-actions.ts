"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { erasePatient } from "@/db/queries/erasure";
import { clinicianAction, failure } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { removeStoredFiles } from "@/lib/media/upload";
import { forgetProgrammeViews } from "@/lib/patient/programme-view-cache";
import { forgetHandoutsOf } from "@/lib/pdf/handout-cache";
import { clientIp } from "@/lib/request";
import { erasureSchema } from "@/lib/validations/patient-data";

/** Erases a patient for good (GDPR Art. 17). Owners only, after typing the patient's name. */
export const erasePatientAction = clinicianAction(
  erasureSchema,
  async ({ id, reason, confirmName }, session, formData) => {
    const result = await erasePatient(
      await getDb(),
      { clinicId: session.clinicId, clinicianId: session.clinicianId, ip: clientIp(await headers()) },
      { patientId: id, confirmName, reason },
    );
    if (result.status === "not_found") throw new AppError("not_found");
    if (result.status === "name_mismatch") {
      return failure(formData, "The name you typed does not match this patient's name. Nothing was erased.", {
        confirmName: ["Type the name exactly as it is shown at the top of the page."],
      });
    }
    // The rows have gone with the patient; their files follow, outside the transaction.
    for (const item of result.media) await removeStoredFiles(session.clinicId, item.id, item.files);
    // Kept programmes and handouts live in this process's memory, outside the transaction.
    for (const programmeId of result.programmeIds) {
      forgetProgrammeViews({ clinicId: session.clinicId, programmeId });
      forgetHandoutsOf(programmeId);
    }
    revalidatePath("/", "layout");
    redirect("/patients?erased=1");
  },
  { owner: true },
);

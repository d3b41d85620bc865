"use server";

import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { saveSchedule } from "@/db/queries/outcomes";
import { clinicianAction, failure } from "@/lib/actions";
import { clientIp } from "@/lib/request";
import { outcomeScheduleSchema, scheduleRules } from "@/lib/validations/outcomes";

/** Which measures the programme asks and when; replaces the whole schedule. */
export const saveOutcomeScheduleAction = clinicianAction(outcomeScheduleSchema, async (data, session, formData) => {
  const parsed = scheduleRules(data);
  if ("error" in parsed) return failure(formData, parsed.error);
  const saved = await saveSchedule(
    await getDb(),
    { clinicId: session.clinicId, clinicianId: session.clinicianId, ip: clientIp(await headers()) },
    { programmeId: data.programmeId, rules: parsed.rules },
  );
  if (!saved) return failure(formData, "That programme or measure was not found.");
  revalidatePath(`/programmes/${data.programmeId}`);
  return {
    ok: true,
    message: parsed.rules.length
      ? "Measures saved. The patient is asked on their page when one is due."
      : "No measures are asked on this programme now.",
  };
});

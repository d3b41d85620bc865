"use server";

import { AuthError } from "next-auth";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { recordAudit } from "@/db/queries/audit";
import { updateClinicianName } from "@/db/queries/clinicians";
import { getClinic } from "@/db/queries/clinics";
import { clinicianAction, failure } from "@/lib/actions";
import { signIn } from "@/lib/auth/auth";
import { changePassword } from "@/lib/auth/change-password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { tryAgainMessage } from "@/lib/auth/sign-in";
import { clientIp } from "@/lib/request";
import { changePasswordSchema } from "@/lib/validations/auth";

export const updateNameAction = clinicianAction(
  z.object({ name: z.string().trim().min(2, "Enter your name.").max(120, "Keep your name under 120 characters.") }),
  async ({ name }, session) => {
    const db = await getDb();
    // The new name and its audit event land together.
    await db.transaction(async (tx) => {
      await updateClinicianName(tx, { clinicId: session.clinicId, id: session.clinicianId }, name);
      await recordAudit(tx, {
        clinicId: session.clinicId,
        actorId: session.clinicianId,
        action: "clinician.renamed",
        objectType: "clinician",
        objectId: session.clinicianId,
        ip: clientIp(await headers()),
      });
    });
    revalidatePath("/", "layout");
    return { ok: true, message: "Saved. Handouts you print from now on show this name.", values: { name } };
  },
);

/**
 * A new password ends every other session (the session version moves on). This one
 * carries on: the person has just proved both passwords, so they are signed in again
 * with the new one rather than sent to the sign-in page.
 */
export const changePasswordAction = clinicianAction(changePasswordSchema, async (data, session, formData) => {
  const clinic = await getClinic(await getDb(), { clinicId: session.clinicId });
  const problem = await passwordProblem(data.newPassword, { email: session.email, name: session.name, clinicName: clinic?.name });
  if (problem) return failure(formData, "Please choose a different new password.", { newPassword: [problem] });
  const ip = clientIp(await headers());
  const outcome = await changePassword(await getDb(), { session, ...data, ip });
  if (!outcome.ok && outcome.reason === "throttled") {
    return failure(formData, tryAgainMessage(outcome.retryAfterSeconds));
  }
  if (!outcome.ok) {
    return failure(formData, "Your password was not changed.", { currentPassword: ["That is not your current password."] });
  }
  try {
    await signIn("credentials", { email: session.email, password: data.newPassword, ip, redirectTo: "/account?password-changed=1" });
  } catch (error) {
    // The password is changed either way; if signing this session in again fails, say so plainly.
    if (error instanceof AuthError) redirect("/sign-in?password-changed=1");
    throw error;
  }
  return { ok: true };
});

"use server";

import { headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import { getDb } from "@/db/client";
import { fieldErrorsOf, parseForm, type FormState } from "@/lib/actions";
import { env } from "@/lib/env";
import { logError } from "@/lib/errors";
import { openShortCode } from "@/lib/links/open-short-code";
import { linkKey } from "@/lib/links/token";
import { clientIp } from "@/lib/request";
import { openShortCodeSchema } from "@/lib/validations/short-code";

// The one answer for an unknown, stopped or expired code and for a wrong year.
const CODE_DOES_NOT_WORK = "This code does not work. Check the code on your sheet and the year, then try again.";

/**
 * The patient's year of birth for a short code. Public by design (the patient has no
 * account), so not a clinicianAction, with the same discipline: validated, never a 500,
 * and nothing typed is echoed back (a year of birth is personal).
 */
export async function openShortCodeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  try {
    const parsed = parseForm(openShortCodeSchema, formData);
    if (!parsed.success) {
      const errors = fieldErrorsOf(parsed.error);
      return { ok: false, message: errors.code ? CODE_DOES_NOT_WORK : "Enter the year you were born.", errors: { year: errors.year } };
    }
    const outcome = await openShortCode(await getDb(), {
      code: parsed.data.code,
      year: parsed.data.year,
      ip: clientIp(await headers()),
      linkKey: linkKey(env().AUTH_SECRET),
    });
    if (outcome.status === "open") redirect(`/p/${outcome.token}`);
    if (outcome.status === "locked") {
      const minutes = Math.max(1, Math.ceil(outcome.retryAfterSeconds / 60));
      return { ok: false, message: `Too many tries. Please wait ${minutes} minute${minutes === 1 ? "" : "s"}, then try again.` };
    }
    return { ok: false, message: CODE_DOES_NOT_WORK };
  } catch (error) {
    unstable_rethrow(error);
    logError("short code failed", error);
    return { ok: false, message: "Something went wrong on our side. Please try again in a moment." };
  }
}

import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { authorizeClinician, type SessionClinician } from "@/lib/auth/dal";
import { AppError, logError } from "@/lib/errors";

/** What every form action returns: field messages, a summary, and the values to put back. */
export type FormState = {
  ok?: boolean;
  message?: string;
  errors?: Record<string, string[] | undefined>;
  values?: Record<string, string>;
};

// Never echoed back to the browser, even on error: secrets and clinical free text. Forms
// holding these keep what was typed on the client instead (see PatientForm).
const SECRET_FIELDS = /password|token|^notes$|^dateOfBirth$|^body$/i;

/**
 * An action's arguments come from the request body, which anyone can write: a "form"
 * may arrive as a string, a number, a Map or nothing. Anything but FormData counts as an
 * empty form, so it fails validation like any other bad input instead of throwing.
 */
function fieldsOf(formData: unknown): [string, FormDataEntryValue][] {
  return formData instanceof FormData ? [...formData.entries()] : [];
}

function echo(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of fieldsOf(formData)) {
    if (typeof value !== "string" || key.startsWith("$") || SECRET_FIELDS.test(key)) continue;
    // Repeated names (checkboxes) come back comma-joined.
    values[key] = key in values ? `${values[key]},${value.slice(0, 200)}` : value.slice(0, 10_000);
  }
  return values;
}

/** NUL cannot be stored in Postgres text and no person types it: drop it at the boundary. */
const withoutNul = (value: string) => value.replaceAll("\u0000", "");

/** Form fields as an object; a repeated name (checkboxes) becomes a list. Files are ignored. */
export function formObject(formData: FormData): Record<string, string | string[]> {
  // A plain object with no prototype, so "__proto__" in a form is just a key.
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of fieldsOf(formData)) {
    if (typeof value !== "string" || key.startsWith("$ACTION")) continue;
    const clean = withoutNul(value);
    const existing = out[key];
    if (existing === undefined) out[key] = clean;
    else out[key] = Array.isArray(existing) ? [...existing, clean] : [existing, clean];
  }
  return out;
}

export function failure(formData: FormData, message: string, errors?: FormState["errors"]): FormState {
  return { ok: false, message, errors, values: echo(formData) };
}

/**
 * One line gives an action authentication, authorization and validation:
 * `export const saveX = clinicianAction(schema, async (data, session, formData) => ...)`.
 * Unknown fields (clinicId, role) are dropped by the schema, so they cannot be assigned.
 */
export function clinicianAction<S extends z.ZodType>(
  schema: S,
  handler: (data: z.infer<S>, session: SessionClinician, formData: FormData) => Promise<FormState>,
  options: { owner?: boolean } = {},
) {
  return async (_previous: FormState, formData: FormData): Promise<FormState> => {
    try {
      const session = await authorizeClinician(options);
      const parsed = schema.safeParse(formObject(formData));
      if (!parsed.success) {
        return failure(formData, "Please correct the highlighted fields.", fieldErrorsOf(parsed.error));
      }
      return await handler(parsed.data, session, formData);
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof AppError) return failure(formData, error.userMessage);
      logError("action failed", error);
      return failure(formData, "Something went wrong on our side. Nothing was saved; please try again.");
    }
  };
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  return z.flattenError(error).fieldErrors as Record<string, string[]>;
}

export function parseForm<S extends z.ZodType>(schema: S, formData: FormData) {
  return schema.safeParse(formObject(formData));
}

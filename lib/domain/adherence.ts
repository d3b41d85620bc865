/*
 * When a clinician should look at a patient (lib/adherence/flags.ts explains the two
 * signals); the patient list's SQL (db/queries/patient-status.ts) uses the same limits.
 */

/** Pain up by this much or more, first to last of the recent sessions. */
export const PAIN_RISE = 2;
/** Days without a logged session before a patient counts as quiet. */
export const QUIET_DAYS = 7;

/** The patient list's filters and orders: the URL (lib/patient/list-query.ts) and the query (db/queries/patient-status.ts) share them. */
export const PATIENT_SHOWS = ["all", "attention", "not_sent", "quiet", "archived"] as const;
export const PATIENT_SORTS = ["name", "last_session", "attention"] as const;

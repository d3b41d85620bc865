import { z } from "zod";

/** The patient list's URL: which patients, in what order, from where. Defined once for page, dashboard and tests. */
import { PATIENT_SHOWS, PATIENT_SORTS } from "@/lib/domain/patient-list";

export const SHOW_LABELS: Record<(typeof PATIENT_SHOWS)[number], string> = {
  all: "All current",
  attention: "Needs attention",
  not_sent: "Link not sent",
  quiet: "No session in 7 days",
  archived: "Archived",
};
export const SORT_LABELS: Record<(typeof PATIENT_SORTS)[number], string> = {
  name: "Name",
  last_session: "Last session",
  attention: "Needs attention first",
};

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

// Anything unrecognised falls back to the default rather than failing the page.
export const patientListQuery = z.object({
  q: z.preprocess(first, z.string().max(200).optional().catch(undefined)),
  show: z.preprocess(first, z.enum(PATIENT_SHOWS).catch("all")),
  sort: z.preprocess(first, z.enum(PATIENT_SORTS).catch("name")),
  cursor: z.preprocess(first, z.string().max(2000).optional().catch(undefined)),
  /** Choosing a patient to start this template for, from the templates page. */
  template: z.preprocess(first, z.uuid().optional().catch(undefined)),
});
export type PatientListQuery = z.infer<typeof patientListQuery>;

export function parsePatientListQuery(params: Record<string, unknown>): PatientListQuery {
  const parsed = patientListQuery.safeParse(params);
  return parsed.success ? parsed.data : { show: "all", sort: "name", q: undefined, cursor: undefined, template: undefined };
}

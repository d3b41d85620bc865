import { z } from "zod";

/** Why a patient's record was erased; the only words the tombstone keeps. */
export const ERASURE_REASONS = {
  patient_request: "The patient asked (GDPR Art. 17)",
  data_retention: "Our retention period ended",
  entered_in_error: "Entered in error",
} as const;
export type ErasureReason = keyof typeof ERASURE_REASONS;
const reasons = Object.keys(ERASURE_REASONS) as [ErasureReason, ...ErasureReason[]];

export const erasureSchema = z.object({
  id: z.uuid(),
  reason: z.enum(reasons, "Choose why the record is being erased."),
  // Compared with the stored name after trimming; 200 covers any name the form accepts.
  confirmName: z.string().trim().min(1, "Type the patient's full name to confirm.").max(200),
});

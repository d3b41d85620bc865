/** Why a patient's record was erased; the only words the tombstone keeps. */
export const ERASURE_REASONS = {
  patient_request: "The patient asked (GDPR Art. 17)",
  data_retention: "Our retention period ended",
  entered_in_error: "Entered in error",
} as const;
export type ErasureReason = keyof typeof ERASURE_REASONS;

import { z } from "zod";
import { ERASURE_REASONS, type ErasureReason } from "@/lib/domain/record";

const reasons = Object.keys(ERASURE_REASONS) as [ErasureReason, ...ErasureReason[]];

export const erasureSchema = z.object({
  id: z.uuid(),
  reason: z.enum(reasons, "Choose why the record is being erased."),
  // Compared with the stored name after trimming; 200 covers any name the form accepts.
  confirmName: z.string().trim().min(1, "Type the patient's full name to confirm.").max(200),
});

import { z } from "zod";
import { MESSAGE_MAX } from "@/lib/domain/messages";

/** Plain text: line breaks kept, other control characters (NUL included) refused. */
const messageBody = z
  .string()
  .transform((v) => v.replace(/\r\n?/g, "\n").trim())
  .pipe(
    z
      .string()
      .min(1, "Write a message first.")
      .max(MESSAGE_MAX, `Keep it under ${MESSAGE_MAX.toLocaleString("en-GB")} characters.`)
      .refine((v) => !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(v), "Use plain text only."),
  );

const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "Reload the page and try again.");

export const replySchema = z.object({ sessionLogId: z.uuid(), body: messageBody, requestId });
export const threadReplySchema = z.object({ programmeId: z.uuid(), body: messageBody, requestId });
export const patientMessageSchema = z.object({ body: messageBody, requestId });

import "server-only";
import { z } from "zod";
import type { DatabaseOrTransaction } from "@/db/client";
import { insertOutboxEmail } from "@/db/queries/email";
import { seal, unseal } from "@/lib/crypto/seal";

// A line break in a header would let the text after it become a header of its own (Bcc:).
const oneLine = (value: string) => !/[\r\n]/.test(value);

export const outboxEmailSchema = z.object({
  clinicId: z.uuid(),
  idempotencyKey: z.string().min(1).max(200),
  kind: z.string().regex(/^[a-z][a-z0-9_.-]{0,39}$/),
  to: z.string().max(254).refine(oneLine, "The address must be on one line.").pipe(z.email()),
  subject: z.string().min(1).max(250).refine(oneLine, "The subject must be on one line."),
  text: z.string().min(1).max(200_000),
  html: z.string().min(1).max(500_000),
  subjectRef: z.uuid().nullish(),
  /** Extra headers; only the ones a message may carry, each on one line. */
  headers: z
    .object({
      "List-Unsubscribe": z.string().max(1000).refine(oneLine).optional(),
      "List-Unsubscribe-Post": z.literal("List-Unsubscribe=One-Click").optional(),
    })
    .strict()
    .optional(),
});

export type OutboxEmail = z.input<typeof outboxEmailSchema>;

const BODY = "email-body";
const HEADERS = "email-headers";

/**
 * Puts an email in the outbox inside the caller's transaction. Returns whether this call
 * created it (false when the idempotency key was already used in this clinic). Throws on
 * a header with a line break or an address that is not one address.
 *
 * The bodies are sealed (AES-256-GCM): they carry sign-up and patient links, which must
 * not be readable from a copy of the database.
 */
export async function enqueueEmail(tx: DatabaseOrTransaction, email: OutboxEmail): Promise<{ id: string; created: boolean }> {
  const valid = outboxEmailSchema.parse(email);
  const headers = valid.headers && Object.keys(valid.headers).length > 0 ? seal(JSON.stringify(valid.headers), HEADERS) : null;
  return insertOutboxEmail(tx, { ...valid, text: seal(valid.text, BODY), html: seal(valid.html, BODY), headers });
}

/** The readable bodies of a stored email, for the sender and the mailbox. */
export function openEmailBody(email: { text: string; html: string }): { text: string; html: string } {
  return { text: unseal(email.text, BODY), html: unseal(email.html, BODY) };
}

/** The extra headers of a stored email ({} when it has none). */
export function openEmailHeaders(sealed: string | null): Record<string, string> {
  if (!sealed) return {};
  const parsed = JSON.parse(unseal(sealed, HEADERS)) as Record<string, string>;
  // Only one-line values become headers, whatever was stored.
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => typeof v === "string" && oneLine(v)));
}

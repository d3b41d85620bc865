import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { rowsOf, type DatabaseOrTransaction } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { decodeCursor, keyColumns, keysetOrder, keysetWhere, PAGE_SIZE, toPage, type Keyset } from "@/lib/pagination";

export type EmailStatus = "queued" | "sending" | "sent" | "failed";

export type NewOutboxEmail = {
  clinicId: string;
  idempotencyKey: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  subjectRef?: string | null;
  /** Sealed JSON of extra headers, or null. */
  headers?: string | null;
};

/**
 * Inserts in the caller's transaction, so the email exists exactly when the change that
 * caused it does. A second insert with the same key (a double click, a retried request)
 * is a no-op; `created` says which one this was.
 */
export async function insertOutboxEmail(db: DatabaseOrTransaction, email: NewOutboxEmail): Promise<{ id: string; created: boolean }> {
  const [inserted] = await db
    .insert(emailOutbox)
    .values({
      clinicId: email.clinicId,
      idempotencyKey: email.idempotencyKey,
      kind: email.kind,
      toAddress: email.to,
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html,
      subjectRef: email.subjectRef ?? null,
      headers: email.headers ?? null,
    })
    .onConflictDoNothing({ target: [emailOutbox.clinicId, emailOutbox.idempotencyKey] })
    .returning({ id: emailOutbox.id });
  if (inserted) return { id: inserted.id, created: true };
  const [existing] = await db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.clinicId, email.clinicId), eq(emailOutbox.idempotencyKey, email.idempotencyKey)));
  if (!existing) throw new Error("outbox insert conflicted but no row holds the key");
  return { id: existing.id, created: false };
}

export type ClaimedEmail = {
  clinicId: string;
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: string | null;
  /** Counts this attempt too; it fences the later status update against a sender whose lease ran out. */
  attempts: number;
};

/**
 * Takes up to `limit` due messages from every clinic (the sender works for the whole
 * instance, so this is the one query without a clinic filter). SKIP LOCKED lets several
 * app instances claim at once without taking the same row; the lease makes a message
 * whose sender died mid-send due again once it runs out.
 */
export async function claimDueEmails(db: DatabaseOrTransaction, options: { limit: number; leaseSeconds: number }): Promise<ClaimedEmail[]> {
  const result = await db.execute(sql`
    update email_outbox o
    set status = 'sending',
        attempts = o.attempts + 1,
        locked_until = now() + make_interval(secs => ${options.leaseSeconds})
    from (
      select clinic_id, id from email_outbox
      where (status = 'queued' and next_attempt_at <= now())
         or (status = 'sending' and locked_until < now())
      order by next_attempt_at
      limit ${options.limit}
      for update skip locked
    ) due
    where o.clinic_id = due.clinic_id and o.id = due.id
    returning o.clinic_id, o.id, o.to_address, o.subject, o.text_body, o.html_body, o.headers, o.attempts`);
  return rowsOf<{
    clinic_id: string;
    id: string;
    to_address: string;
    subject: string;
    text_body: string;
    html_body: string;
    headers: string | null;
    attempts: number;
  }>(result).map((r) => ({
    clinicId: r.clinic_id,
    id: r.id,
    to: r.to_address,
    subject: r.subject,
    text: r.text_body,
    html: r.html_body,
    headers: r.headers ?? null,
    attempts: Number(r.attempts),
  }));
}

type Claim = { clinicId: string; id: string; attempts: number };

/** Only the sender holding the current claim may settle it (status still sending, same attempt). */
const heldBy = (claim: Claim) =>
  and(
    eq(emailOutbox.clinicId, claim.clinicId),
    eq(emailOutbox.id, claim.id),
    eq(emailOutbox.status, "sending"),
    eq(emailOutbox.attempts, claim.attempts),
  );

export async function markEmailSent(db: DatabaseOrTransaction, claim: Claim): Promise<boolean> {
  const rows = await db
    .update(emailOutbox)
    .set({ status: "sent", sentAt: sql`now()`, lockedUntil: null, lastError: null })
    .where(heldBy(claim))
    .returning({ id: emailOutbox.id });
  return rows.length > 0;
}

/** Back in the queue after `retryInSeconds`, or `failed` for good when `giveUp`. */
export async function markEmailAttemptFailed(
  db: DatabaseOrTransaction,
  claim: Claim,
  outcome: { error: string; giveUp: boolean; retryInSeconds: number },
): Promise<boolean> {
  const rows = await db
    .update(emailOutbox)
    .set({
      status: outcome.giveUp ? "failed" : "queued",
      lockedUntil: null,
      lastError: outcome.error.slice(0, 500),
      nextAttemptAt: sql`now() + make_interval(secs => ${outcome.retryInSeconds})`,
    })
    .where(heldBy(claim))
    .returning({ id: emailOutbox.id });
  return rows.length > 0;
}

/** A clinician's "try again" on a message the sender gave up on: a fresh set of attempts, due now. */
export async function retryEmail(db: DatabaseOrTransaction, key: { clinicId: string; id: string }): Promise<boolean> {
  const rows = await db
    .update(emailOutbox)
    .set({ status: "queued", attempts: 0, nextAttemptAt: sql`now()`, lockedUntil: null })
    .where(and(eq(emailOutbox.clinicId, key.clinicId), eq(emailOutbox.id, key.id), eq(emailOutbox.status, "failed")))
    .returning({ id: emailOutbox.id });
  return rows.length > 0;
}

const listColumns = {
  id: emailOutbox.id,
  kind: emailOutbox.kind,
  to: emailOutbox.toAddress,
  subject: emailOutbox.subject,
  status: emailOutbox.status,
  attempts: emailOutbox.attempts,
  lastError: emailOutbox.lastError,
  nextAttemptAt: emailOutbox.nextAttemptAt,
  sentAt: emailOutbox.sentAt,
  createdAt: emailOutbox.createdAt,
  subjectRef: emailOutbox.subjectRef,
};

/** Newest first; email_outbox_clinic_created_idx (clinic, created_at, id) serves it. */
const emailKeyset: Keyset = {
  desc: true,
  parts: [
    { expr: sql`${emailOutbox.createdAt}`, type: "timestamptz" },
    { expr: sql`${emailOutbox.id}`, type: "uuid" },
  ],
};

/** The clinic's mailbox a page at a time, with how many in all. */
export async function listEmailPage(
  db: DatabaseOrTransaction,
  { clinicId, cursor: raw, pageSize = PAGE_SIZE }: { clinicId: string; cursor?: string; pageSize?: number },
) {
  const cursor = decodeCursor(raw, emailKeyset);
  const [fetched, [count]] = await Promise.all([
    db
      .select({ ...listColumns, pageKey: keyColumns(emailKeyset) })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.clinicId, clinicId), keysetWhere(emailKeyset, cursor)))
      .orderBy(...keysetOrder(emailKeyset, cursor))
      .limit(pageSize + 1),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(emailOutbox)
      .where(eq(emailOutbox.clinicId, clinicId)),
  ]);
  return toPage(fetched, { cursor, pageSize, total: Number(count?.n ?? 0) });
}

export async function getEmail(db: DatabaseOrTransaction, key: { clinicId: string; id: string }) {
  const [row] = await db
    .select({ ...listColumns, text: emailOutbox.textBody, html: emailOutbox.htmlBody })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.clinicId, key.clinicId), eq(emailOutbox.id, key.id)));
  return row;
}

/** The newest email about each record (an invitation, a patient link), for status beside it. */
export async function latestEmailsFor(db: DatabaseOrTransaction, { clinicId, subjectRefs }: { clinicId: string; subjectRefs: string[] }) {
  if (subjectRefs.length === 0) return new Map<string, Awaited<ReturnType<typeof listEmailPage>>["rows"][number]>();
  const rows = await db
    .select(listColumns)
    .from(emailOutbox)
    .where(and(eq(emailOutbox.clinicId, clinicId), inArray(emailOutbox.subjectRef, subjectRefs)))
    .orderBy(desc(emailOutbox.createdAt));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (row.subjectRef && !latest.has(row.subjectRef)) latest.set(row.subjectRef, row);
  return latest;
}

/** Whether the outbox already holds the email with this idempotency key (sent or not). */
export async function hasOutboxEmail(
  db: DatabaseOrTransaction,
  { clinicId, idempotencyKey }: { clinicId: string; idempotencyKey: string },
): Promise<boolean> {
  const [row] = await db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.clinicId, clinicId), eq(emailOutbox.idempotencyKey, idempotencyKey)));
  return Boolean(row);
}

import "server-only";
import nodemailer from "nodemailer";
import { getDb, type Database } from "@/db/client";
import { claimDueEmails, markEmailAttemptFailed, markEmailSent, type ClaimedEmail } from "@/db/queries/email";
import { env } from "@/lib/env";
import { openEmailBody, openEmailHeaders } from "./outbox";

export type MailMessage = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
};

/** What the sender needs from nodemailer; tests pass their own. */
export type MailTransport = { sendMail(message: MailMessage): Promise<unknown>; close?(): void };

export type SenderOptions = {
  db: Database;
  /** A transport for one run, or null when no SMTP server is configured (mail then waits in the outbox). */
  createTransport: () => MailTransport | null;
  from: string;
  batchSize: number;
  /** Longer than the transport's own timeouts, so a live sender never loses its claim mid-send. */
  leaseSeconds: number;
  maxAttempts: number;
};

const MAX_ATTEMPTS = 8;
const LEASE_SECONDS = 10 * 60;
const SEND_INTERVAL_MS = 15_000;

/** 30 s, 1, 2, 4 … minutes, at most an hour: 8 attempts span about two hours. */
function retryDelaySeconds(attempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

/** The SMTP transport from SMTP_URL, with timeouts well inside the lease. */
function smtpTransportFromEnv(): MailTransport | null {
  const smtpUrl = env().SMTP_URL;
  if (!smtpUrl) return null;
  const url = new URL(smtpUrl);
  const timeouts = { connectionTimeout: "15000", greetingTimeout: "15000", socketTimeout: "60000" };
  for (const [key, value] of Object.entries(timeouts)) if (!url.searchParams.has(key)) url.searchParams.set(key, value);
  return nodemailer.createTransport(url.toString()) as unknown as MailTransport;
}

function defaults(): Omit<SenderOptions, "db"> {
  return {
    createTransport: smtpTransportFromEnv,
    from: env().SMTP_FROM,
    // 5 sends at the transport's worst-case timeouts still end inside one lease.
    batchSize: 5,
    leaseSeconds: LEASE_SECONDS,
    maxAttempts: MAX_ATTEMPTS,
  };
}

export type DeliveryReport = { sent: number; retrying: number; failed: number };

/** A 5xx reply (no such mailbox, message refused) or an unreadable body will not change by waiting. */
function isPermanent(error: unknown): boolean {
  if (error instanceof UnreadableMessage) return true;
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

function describeError(error: unknown): string {
  const e = error as { responseCode?: number; code?: string; message?: string };
  return [e.responseCode, e.code, e.message].filter(Boolean).join(" ") || "unknown error";
}

class UnreadableMessage extends Error {}

function messageFor(email: ClaimedEmail, from: string): MailMessage {
  const host = new URL(env().APP_URL).hostname || "homeplan.local";
  let body: { text: string; html: string };
  let extra: Record<string, string>;
  try {
    body = openEmailBody(email);
    extra = openEmailHeaders(email.headers);
  } catch {
    throw new UnreadableMessage("the stored message cannot be opened (was AUTH_SECRET changed?)");
  }
  return {
    from,
    to: email.to,
    subject: email.subject,
    ...body,
    // The same Message-ID on every attempt lets a receiving server recognise a resend.
    messageId: `<${email.id}@${host}>`,
    headers: { ...extra, "Auto-Submitted": "auto-generated" },
  };
}

/**
 * Sends what is due, batch after batch, until nothing is. Safe to run in several places
 * at once: each message is claimed by one sender (SKIP LOCKED) under a lease. Never
 * throws: a delivery problem is recorded on the message and logged.
 */
export async function deliverDue(overrides: Partial<SenderOptions> = {}): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  let transport: MailTransport | null = null;
  try {
    const options = { ...defaults(), ...overrides };
    transport = options.createTransport();
    if (!transport) return report;
    const db = overrides.db ?? (await getDb());
    for (;;) {
      const batch = await claimDueEmails(db, { limit: options.batchSize, leaseSeconds: options.leaseSeconds });
      if (batch.length === 0) break;
      for (const email of batch) {
        const claim = { clinicId: email.clinicId, id: email.id, attempts: email.attempts };
        let failure: unknown = null;
        try {
          await transport.sendMail(messageFor(email, options.from));
        } catch (error) {
          failure = error;
        }
        // Recorded outside the send's try: a sent message is never recorded as a failed attempt.
        if (!failure) {
          await markEmailSent(db, claim);
          report.sent += 1;
          continue;
        }
        const giveUp = isPermanent(failure) || email.attempts >= options.maxAttempts;
        await markEmailAttemptFailed(db, claim, {
          error: describeError(failure),
          giveUp,
          retryInSeconds: retryDelaySeconds(email.attempts),
        });
        if (giveUp) report.failed += 1;
        else report.retrying += 1;
        // The id and the reply code only: server replies can quote the address, which stays out of logs.
        const code = (failure as { responseCode?: number; code?: string }).responseCode ?? (failure as { code?: string }).code ?? "error";
        console.warn(`[homeplan] email ${email.id} attempt ${email.attempts} ${giveUp ? "failed for good" : "will be retried"} (${code})`);
      }
      if (batch.length < options.batchSize) break;
    }
  } catch (error) {
    console.error(`[homeplan] email sender run stopped: ${(error as Error).message}`);
  } finally {
    transport?.close?.();
  }
  return report;
}

let running: Promise<unknown> | null = null;
let again = false;

/**
 * Starts a run right away (after an action has committed its email), without making the
 * action wait. Runs in this process do not overlap; one asked for during a run follows it.
 */
export function deliverSoon(): void {
  if (running) {
    again = true;
    return;
  }
  running = deliverDue().finally(() => {
    running = null;
    if (again) {
      again = false;
      deliverSoon();
    }
  });
}

/** The background loop for retries and for mail queued by other instances. Returns a stop function. */
export function startEmailSender(intervalMs = SEND_INTERVAL_MS): () => void {
  if (!env().SMTP_URL) return () => {};
  deliverSoon();
  const timer = setInterval(deliverSoon, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

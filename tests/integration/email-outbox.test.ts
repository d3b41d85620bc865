import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { claimDueEmails, markEmailSent, retryEmail } from "@/db/queries/email";
import { emailOutbox } from "@/db/schema";
import { enqueueEmail } from "@/lib/email/outbox";
import { deliverDue, type SenderOptions } from "@/lib/email/sender";
import { invitationEmail } from "@/lib/email/templates";
import { countRows, driver, setupTestDatabase } from "../db";
import { createClinic } from "../factories";
import { decodeHeader, startSmtpPeer } from "../smtp-peer";

const { db } = setupTestDatabase();
let peer: Awaited<ReturnType<typeof startSmtpPeer>>;

beforeAll(async () => {
  peer = await startSmtpPeer();
});
afterEach(() => {
  peer.messages.length = 0;
  peer.setFailing(undefined);
});
afterAll(async () => {
  await peer.close();
});

const sender = (extra: Partial<SenderOptions> = {}): Partial<SenderOptions> => ({
  db: db(),
  createTransport: peer.createTransport,
  from: "Homeplan <no-reply@homeplan.test>",
  ...extra,
});

async function queue(clinicId: string, key = `key-${Math.random()}`, to = "alex@example.org") {
  return db().transaction((tx) =>
    enqueueEmail(tx, {
      clinicId,
      idempotencyKey: key,
      kind: "invitation",
      to,
      subject: "Hello there",
      text: "Open https://homeplan.test/x",
      html: "<p>Open</p>",
    }),
  );
}

async function row(clinicId: string, id: string) {
  const [found] = await db()
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.clinicId, clinicId), eq(emailOutbox.id, id)));
  return found!;
}

/** Time passes: the message's next attempt is due now. */
async function makeDue(id: string) {
  await db()
    .update(emailOutbox)
    .set({ nextAttemptAt: sql`now() - interval '1 second'` })
    .where(eq(emailOutbox.id, id));
}

describe(`email outbox and sender on ${driver}`, () => {
  it("delivers a queued invitation over SMTP with its subject, both bodies and a working link, then marks it sent", async () => {
    const { clinic } = await createClinic(db());
    const url = "https://homeplan.test/invite/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde";
    const message = invitationEmail({
      clinicName: "Physio & <Co>",
      inviterName: "Sam Okafor",
      inviteeName: "Zoë Brontë",
      role: "clinician",
      url,
      expiresAt: new Date("2026-12-01T12:00:00Z"),
    });
    const { id, created } = await db().transaction((tx) =>
      enqueueEmail(tx, { clinicId: clinic.id, idempotencyKey: "invite-1", kind: "invitation", to: "zoe@example.org", ...message }),
    );
    expect(created).toBe(true);

    const report = await deliverDue(sender());
    expect(report).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(peer.messages).toHaveLength(1);
    const received = peer.messages[0]!;
    expect(received.to).toEqual(["zoe@example.org"]);
    expect(received.from).toBe("no-reply@homeplan.test");
    expect(decodeHeader(received.headers.get("subject") ?? "")).toBe("Sam Okafor invited you to “Physio & <Co>” on Homeplan");
    expect(received.headers.get("message-id")).toContain(id);
    expect(received.text).toContain("Hello Zoë Brontë,");
    expect(received.text).toContain(url);
    expect(received.text).toContain("expires on 1 December 2026");
    expect(received.html).toContain(`href="${url}"`);
    expect(received.html).toContain("Physio &amp; &lt;Co&gt;");
    expect(received.html).not.toContain("<Co>");

    const stored = await row(clinic.id, id);
    expect(stored).toMatchObject({ status: "sent", attempts: 1, lastError: null, lockedUntil: null });
    expect(stored.sentAt).toBeInstanceOf(Date);
    expect(await deliverDue(sender())).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(peer.messages).toHaveLength(1);
  });

  it("refuses a line break in the address or subject and writes nothing", async () => {
    const { clinic } = await createClinic(db());
    const base = { clinicId: clinic.id, idempotencyKey: "k", kind: "invitation", text: "t", html: "h" };
    await expect(
      db().transaction((tx) => enqueueEmail(tx, { ...base, to: "a@example.org\r\nBcc: b@example.org", subject: "Hi" })),
    ).rejects.toThrow();
    await expect(
      db().transaction((tx) => enqueueEmail(tx, { ...base, to: "a@example.org", subject: "Hi\nBcc: b@example.org" })),
    ).rejects.toThrow();
    await expect(
      db().transaction((tx) => enqueueEmail(tx, { ...base, to: "a@example.org, b@example.org", subject: "Hi" })),
    ).rejects.toThrow();
    expect(await countRows(db(), "email_outbox")).toBe(0);
  });

  it("sends one message for 20 concurrent clicks with the same idempotency key", async () => {
    const { clinic } = await createClinic(db());
    const results = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const queued = await queue(clinic.id, "send-link:same-click");
        await deliverDue(sender());
        return queued;
      }),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    await deliverDue(sender());
    expect(peer.messages).toHaveLength(1);
    expect(await countRows(db(), "email_outbox")).toBe(1);
  });

  it("keeps a message queued with its attempt counted when the SMTP server fails, and delivers it once later", async () => {
    const { clinic } = await createClinic(db());
    const { id } = await queue(clinic.id);
    peer.setFailing({ code: 451, message: "Try again later" });

    expect(await deliverDue(sender())).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const afterFailure = await row(clinic.id, id);
    expect(afterFailure).toMatchObject({ status: "queued", attempts: 1, lockedUntil: null });
    expect(afterFailure.lastError).toContain("451");
    expect(afterFailure.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);

    // Not due yet: an immediate second run leaves it alone (backoff).
    peer.setFailing(undefined);
    expect(await deliverDue(sender())).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect((await row(clinic.id, id)).attempts).toBe(1);

    await makeDue(id);
    expect(await deliverDue(sender())).toEqual({ sent: 1, retrying: 0, failed: 0 });
    await makeDue(id);
    await deliverDue(sender());
    expect(peer.messages).toHaveLength(1);
    expect(await row(clinic.id, id)).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it("gives up after the last attempt, and a clinician's retry (own clinic only) sends it", async () => {
    const { clinic } = await createClinic(db(), "Own");
    const other = await createClinic(db(), "Other");
    const { id } = await queue(clinic.id);
    peer.setFailing({ code: 421, message: "Service not available" });
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await makeDue(id);
      await deliverDue(sender({ maxAttempts: 3 }));
    }
    expect(await row(clinic.id, id)).toMatchObject({ status: "failed", attempts: 3 });
    await makeDue(id);
    expect(await deliverDue(sender({ maxAttempts: 3 }))).toEqual({ sent: 0, retrying: 0, failed: 0 });

    peer.setFailing(undefined);
    expect(await retryEmail(db(), { clinicId: other.clinic.id, id })).toBe(false);
    expect((await row(clinic.id, id)).status).toBe("failed");
    expect(await retryEmail(db(), { clinicId: clinic.id, id })).toBe(true);
    expect(await deliverDue(sender({ maxAttempts: 3 }))).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(peer.messages).toHaveLength(1);
  });

  it("fails at once on a permanent refusal (5xx) and says why", async () => {
    const { clinic } = await createClinic(db());
    const { id } = await queue(clinic.id);
    peer.setFailing({ code: 550, message: "No such mailbox" });
    expect(await deliverDue(sender())).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const stored = await row(clinic.id, id);
    expect(stored).toMatchObject({ status: "failed", attempts: 1 });
    expect(stored.lastError).toContain("550");
  });

  it("does not lose a message whose sender died mid-send, and the dead sender cannot settle it later", async () => {
    const { clinic } = await createClinic(db());
    const { id } = await queue(clinic.id);
    // A sender claims the message and dies before it can send or record anything.
    const [claimed] = await claimDueEmails(db(), { limit: 10, leaseSeconds: 600 });
    expect(claimed?.id).toBe(id);
    expect((await row(clinic.id, id)).status).toBe("sending");

    // While its lease runs, nobody else sends it (that sender might still be alive).
    expect(await deliverDue(sender())).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(peer.messages).toHaveLength(0);

    // The lease runs out: the next run takes it over and delivers it.
    await db()
      .update(emailOutbox)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(emailOutbox.id, id));
    expect(await deliverDue(sender())).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(peer.messages).toHaveLength(1);

    // The first sender wakes up late: its stale claim no longer counts.
    expect(await markEmailSent(db(), { clinicId: clinic.id, id, attempts: claimed!.attempts })).toBe(false);
    expect(await row(clinic.id, id)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("stores bodies sealed, and fails (not loops on) a body that can no longer be opened", async () => {
    const { clinic } = await createClinic(db());
    const { id } = await queue(clinic.id);
    const stored = await row(clinic.id, id);
    expect(stored.textBody).not.toContain("homeplan.test/x");
    expect(stored.textBody.startsWith("v1.")).toBe(true);
    await db().update(emailOutbox).set({ textBody: "v1.AAAA" }).where(eq(emailOutbox.id, id));
    expect(await deliverDue(sender())).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect((await row(clinic.id, id)).lastError).toMatch(/AUTH_SECRET/);
    expect(peer.messages).toHaveLength(0);
  });

  it("keeps messages queued, untouched, when no SMTP server is configured", async () => {
    const { clinic } = await createClinic(db());
    const { id } = await queue(clinic.id);
    expect(await deliverDue(sender({ createTransport: () => null }))).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await row(clinic.id, id)).toMatchObject({ status: "queued", attempts: 0 });
  });

  it("lets several senders run at once and still sends each message exactly once", async () => {
    const { clinic } = await createClinic(db());
    for (let i = 0; i < 12; i += 1) await queue(clinic.id, `bulk-${i}`, `p${i}@example.org`);
    await Promise.all([deliverDue(sender({ batchSize: 2 })), deliverDue(sender({ batchSize: 3 })), deliverDue(sender({ batchSize: 5 }))]);
    expect(peer.messages).toHaveLength(12);
    expect(new Set(peer.messages.map((m) => m.to[0])).size).toBe(12);
    expect(await countRows(db(), "email_outbox")).toBe(12);
  });
});

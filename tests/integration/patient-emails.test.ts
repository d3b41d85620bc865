import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { rowsOf } from "@/db/client";
import { getReminder } from "@/db/queries/reminders";
import { issueLink } from "@/lib/links/issue";
import { createProgramme, saveProgrammeVersion } from "@/db/queries/programmes";
import { clinics, emailOutbox, exercises, sessionLogs } from "@/db/schema";
import { openEmailBody, openEmailHeaders } from "@/lib/email/outbox";
import { queueChangeNotice } from "@/lib/programme/change-notice";
import { listThread, listWaitingThreads } from "@/db/queries/messages";
import { replyToSession, replyToThread } from "@/lib/patient/replies";
import { erasePatient } from "@/db/queries/erasure";
import { LOG_QUOTAS } from "@/lib/domain/patient-link";
import { env } from "@/lib/env";
import { linkKey } from "@/lib/links/token";
import { sweepReminders } from "@/lib/patient/reminders";
import { PEER_HEADER } from "@/lib/request";
import { pointAppAtTestDatabase } from "../mocks/db-client.mock";
import { setRequestHeaders } from "../mocks/next-headers.mock";
import { setupTestDatabase } from "../db";
import { createClinic } from "../factories";

vi.mock("next/headers", () => import("../mocks/next-headers.mock"));
vi.mock("@/db/client", async (importOriginal) => (await import("../mocks/db-client.mock")).dbClientDouble(importOriginal));

const { db } = setupTestDatabase();
beforeEach(pointAppAtTestDatabase(db));
beforeEach(() => setRequestHeaders({ [PEER_HEADER]: "198.51.100.30", "x-forwarded-for": "198.51.100.30" }));

const dose = {
  sets: 2,
  reps: 8,
  holdSeconds: 0,
  restSeconds: 30,
  sides: "none" as const,
  timesPerDay: 1,
  daysPerWeek: 7,
  load: "",
  note: "",
};

/*
 * The fake clock: London in British Summer Time (UTC+1), so 18:00 on the patient's wall
 * is 17:00 UTC. The link is moved to outlive these days; each day gets a session planned
 * (7 days a week).
 */
const DAY = 86_400_000;
/** hh:mm in London on 2 July 2030 plus `offset` days (BST all along). */
const londonAt = (offset: number, hh: number, mm: number) => new Date(Date.UTC(2030, 6, 2, hh - 1, mm) + offset * DAY);

async function setUp() {
  const [exercise] = await db()
    .insert(exercises)
    .values({
      slug: "wall-press",
      name: "Wall press",
      purpose: "Strength.",
      category: "strengthen",
      bodyRegion: "hips",
      position: "standing",
      steps: ["Press."],
      defaultDosage: dose,
    })
    .returning({ id: exercises.id });
  const { clinic, owner, patient } = await createClinic(db());
  await db()
    .update(clinics)
    .set({ timeZone: "Europe/London" })
    .where(sql`${clinics.id} = ${clinic.id}`);
  const actor = { clinicId: clinic.id, clinicianId: owner.id };
  const content = {
    title: "Knee",
    patientNote: "",
    changeNote: "",
    startDate: null,
    reviewDate: null,
    items: [{ ...dose, exerciseId: exercise!.id }],
  };
  const programmeId = await createProgramme(db(), actor, { kind: "programme", patientId: patient.id, content });
  const link = await db().transaction((tx) => issueLink(tx, actor, { programmeId, key: linkKey(env().AUTH_SECRET) }));
  await db().execute(sql`update patient_links set expires_at = '2031-01-01T00:00:00Z'`);
  return {
    clinicId: clinic.id,
    clinicianId: owner.id,
    patientId: patient.id,
    programmeId,
    token: link.token,
    linkId: link.id,
    exerciseId: exercise!.id,
    content,
  };
}

async function choose(token: string, reminder: string, headers: Record<string, string> = {}) {
  const { POST } = await import("@/app/p/[token]/reminders/route");
  return POST(
    new Request(`http://homeplan.test/p/${token}/reminders`, { method: "POST", headers, body: new URLSearchParams({ reminder }) }),
    {
      params: Promise.resolve({ token }),
    },
  );
}

const reminders = async () =>
  db()
    .select()
    .from(emailOutbox)
    .where(sql`${emailOutbox.kind} = 'reminder'`);

describe("missed-session reminders", () => {
  it("emails once at 18:00 London time on a day nothing is logged, not on a logged day, and never after a one-click unsubscribe", async () => {
    const fx = await setUp();
    expect((await choose(fx.token, "18:00")).status).toBe(303);
    expect((await choose(fx.token, "23:00")).status).toBe(400); // quiet hours are not offered
    // The page sends no referrer, so its own post says `Origin: null`; another site's post is refused.
    expect((await choose(fx.token, "18:00", { origin: "null", "sec-fetch-site": "same-origin" })).status).toBe(303);
    expect((await choose(fx.token, "09:00", { origin: "null", "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect((await choose(fx.token, "09:00", { origin: "https://evil.example", host: "homeplan.test" })).status).toBe(403);
    expect((await getReminder(db(), fx))?.sendAtMinute).toBe(18 * 60);

    // Day 1, nothing logged: nothing at 17:59, one at 18:00, no second one later that day.
    expect((await sweepReminders(db(), londonAt(0, 17, 59))).sent).toBe(0);
    expect((await sweepReminders(db(), new Date("2030-07-02T17:00:00Z"))).sent).toBe(1);
    expect((await sweepReminders(db(), londonAt(0, 19, 30))).sent).toBe(0);
    const [sent] = await reminders();
    expect(sent!.toAddress).toMatch(/@example\.org$/);
    expect(sent!.idempotencyKey).toBe(`reminder:${fx.programmeId}:2030-07-02`);
    const headers = openEmailHeaders(sent!.headers);
    expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const unsubscribeUrl = /^<(.+)>$/.exec(headers["List-Unsubscribe"] ?? "")?.[1];
    expect(unsubscribeUrl).toMatch(/^https?:\/\/.+\/api\/unsubscribe\/[A-Za-z0-9_-]{64}$/);

    // Day 2, a session logged in the morning: no reminder.
    await db()
      .insert(sessionLogs)
      .values({
        clinicId: fx.clinicId,
        patientId: fx.patientId,
        programmeId: fx.programmeId,
        version: 1,
        linkId: fx.linkId,
        idempotencyKey: "morning-session-0001",
        completedAt: londonAt(1, 8, 15),
      });
    expect((await sweepReminders(db(), londonAt(1, 18, 5))).sent).toBe(0);

    // The one-click POST, as a mail provider sends it: no cookie, no origin, the token alone.
    const token = unsubscribeUrl!.split("/").pop()!;
    const { POST } = await import("@/app/api/unsubscribe/[token]/route");
    const response = await POST(
      new Request(unsubscribeUrl!, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      }),
      { params: Promise.resolve({ token }) },
    );
    expect(response.status).toBe(200);
    expect((await sweepReminders(db(), londonAt(2, 18, 5))).sent).toBe(0);
    expect(await reminders()).toHaveLength(1);
    // A forged token changes nothing.
    const forged = `${token.slice(0, 63)}${token.endsWith("A") ? "B" : "A"}`;
    expect(
      (await POST(new Request("http://homeplan.test/x", { method: "POST" }), { params: Promise.resolve({ token: forged }) })).status,
    ).toBe(404);

    // Back on, the programme then revoked: the reminder stops with the link.
    await choose(fx.token, "18:00");
    expect((await sweepReminders(db(), londonAt(3, 18, 5))).sent).toBe(1);
    await db().execute(sql`update patient_links set revoked_at = now()`);
    expect((await sweepReminders(db(), londonAt(4, 18, 5))).sent).toBe(0);
  });

  it("two sweeps at once send one reminder", async () => {
    const fx = await setUp();
    await choose(fx.token, "09:00");
    const now = londonAt(0, 9, 30);
    const reports = await Promise.all([sweepReminders(db(), now), sweepReminders(db(), now)]);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(1);
    const [count] = rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from email_outbox where kind = 'reminder'`));
    expect(Number(count!.n)).toBe(1);
    // Too late is quiet: a sweep that first runs after 21:00 local sends nothing that day.
    await db().execute(sql`update reminder_settings set last_sent_on = null`);
    expect((await sweepReminders(db(), londonAt(1, 21, 10))).sent).toBe(0);
  });
});

describe("change notice", () => {
  it("emails the computed summary and the clinician's note with the live link, once per version, and nothing without a live link", async () => {
    const fx = await setUp();
    const actor = { clinicId: fx.clinicId, clinicianId: fx.clinicianId };
    const edited = { ...fx.content, changeNote: "Fewer reps while the knee settles.", items: [{ ...fx.content.items[0]!, reps: 6 }] };
    const notice = (tx: Parameters<typeof queueChangeNotice>[0], version: number) =>
      queueChangeNotice(tx, { clinicId: fx.clinicId, clinicianName: "Alex Morgan", programmeId: fx.programmeId, version });
    expect(await saveProgrammeVersion(db(), actor, { programmeId: fx.programmeId, baseVersion: 1, content: edited }, notice)).toBe(2);
    const [email] = await db()
      .select()
      .from(emailOutbox)
      .where(sql`${emailOutbox.kind} = 'programme_changed'`);
    expect(email!.idempotencyKey).toBe(`programme-changed:${fx.programmeId}:2`);
    expect(email!.subject).toBe("Alex Morgan updated your home exercises");
    const body = openEmailBody({ text: email!.textBody, html: email!.htmlBody });
    expect(body.text).toContain("- Wall press: reps 8 → 6");
    expect(body.text).toContain("Alex Morgan says: Fewer reps while the knee settles.");
    expect(body.text).toContain(`/p/${fx.token}`);
    // The same version again (a retried save) queues nothing new.
    expect(await db().transaction((tx) => notice(tx, 2))).toBe(false);

    // With the link revoked there is nothing to point at: no email.
    await db().execute(sql`update patient_links set revoked_at = now()`);
    await saveProgrammeVersion(
      db(),
      actor,
      { programmeId: fx.programmeId, baseVersion: 2, content: { ...edited, changeNote: "" } },
      notice,
    );
    const all = await db()
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(sql`${emailOutbox.kind} = 'programme_changed'`);
    expect(all).toHaveLength(1);
  });
});

describe("replies", () => {
  it("a reply lands in the thread and emails only who replied about which day; the patient answers back under the log quotas", async () => {
    const fx = await setUp();
    const [log] = await db()
      .insert(sessionLogs)
      .values({
        clinicId: fx.clinicId,
        patientId: fx.patientId,
        programmeId: fx.programmeId,
        version: 1,
        linkId: fx.linkId,
        idempotencyKey: "commented-0001",
        completedAt: new Date("2030-07-02T09:00:00Z"),
        comment: "My knee clicked on the second set.",
      })
      .returning({ id: sessionLogs.id });
    const actor = { clinicId: fx.clinicId, clinicianId: fx.clinicianId, clinicianName: "Alex Morgan" };
    const words = "A click without pain is fine; keep going.";
    const sent = await replyToSession(
      db(),
      actor,
      { sessionLogId: log!.id, body: words, requestId: "reply-request-0001" },
      new Date("2030-07-04T10:00:00Z"),
    );
    expect(sent).toMatchObject({ ok: true, emailed: true });
    // The same form twice: one message, one email.
    expect(await replyToSession(db(), actor, { sessionLogId: log!.id, body: words, requestId: "reply-request-0001" })).toMatchObject({
      ok: true,
      emailed: false,
    });
    const [email] = await db()
      .select()
      .from(emailOutbox)
      .where(sql`${emailOutbox.kind} = 'reply'`);
    expect(email!.subject).toBe("Alex Morgan replied about your session on Tuesday");
    const body = openEmailBody({ text: email!.textBody, html: email!.htmlBody });
    expect(body.text).not.toContain("click");
    expect(body.html).not.toContain("click");
    expect(body.text).toContain(`/p/${fx.token}#messages`);

    // The patient answers from the page (a plain form post), as often as a log may be sent in a day.
    const { POST } = await import("@/app/p/[token]/messages/route");
    const answer = (n: number) =>
      POST(
        new Request(`http://homeplan.test/p/${fx.token}/messages`, {
          method: "POST",
          body: new URLSearchParams({ body: `Thanks! (${n})`, requestId: `answer-request-${String(n).padStart(4, "0")}` }),
        }),
        {
          params: Promise.resolve({ token: fx.token }),
        },
      );
    const first = await answer(0);
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toContain("message=sent");
    for (let n = 1; n < LOG_QUOTAS.perDay; n++) await answer(n);
    expect((await answer(99)).headers.get("location")).toContain("message=wait");
    // Markup stays text, and a blank answer is refused.
    const blank = await POST(
      new Request(`http://homeplan.test/p/${fx.token}/messages`, {
        method: "POST",
        body: new URLSearchParams({ body: "   ", requestId: "answer-request-blank" }),
      }),
      {
        params: Promise.resolve({ token: fx.token }),
      },
    );
    expect(blank.headers.get("location")).toContain("message=invalid");

    const thread = await listThread(db(), { ...fx, limit: 50 });
    expect(thread[0]).toMatchObject({
      author: "clinician",
      clinicianName: expect.stringMatching(/^Owner \d+$/),
      body: words,
      sessionCompletedAt: new Date("2030-07-02T09:00:00Z"),
    });
    expect(thread.filter((m) => m.author === "patient")).toHaveLength(LOG_QUOTAS.perDay);
    // Another clinic's thread is empty for this programme id.
    expect(await listThread(db(), { clinicId: (await createClinic(db())).clinic.id, programmeId: fx.programmeId })).toEqual([]);

    // Erasure takes the thread, the reminder choice and every email about the programme, even to an old address.
    await choose(fx.token, "18:00");
    await db().execute(sql`update patients set email = 'new-address@example.org'`);
    const [patient] = rowsOf<{ name: string }>(await db().execute(sql`select name from patients where id = ${fx.patientId}`));
    const erased = await erasePatient(
      db(),
      { clinicId: fx.clinicId, clinicianId: fx.clinicianId },
      { patientId: fx.patientId, confirmName: patient!.name, reason: "patient_request" },
    );
    expect(erased.status).toBe("erased");
    for (const table of ["programme_messages", "reminder_settings", "email_outbox"]) {
      const [left] = rowsOf<{ n: number }>(
        await db().execute(sql.raw(`select count(*)::int as n from ${table} where clinic_id = '${fx.clinicId}'`)),
      );
      expect([table, Number(left!.n)]).toEqual([table, 0]);
    }
  });

  it("a patient starts a thread; the clinic sees them waiting, answers in the thread, and the email holds no words", async () => {
    const fx = await setUp();
    expect(await listThread(db(), fx)).toEqual([]);
    const { POST } = await import("@/app/p/[token]/messages/route");
    const ask = await POST(
      new Request(`http://homeplan.test/p/${fx.token}/messages`, {
        method: "POST",
        body: new URLSearchParams({ body: "Should the bridge hurt my hamstrings?", requestId: "question-request-0001" }),
      }),
      { params: Promise.resolve({ token: fx.token }) },
    );
    expect(ask.headers.get("location")).toContain("message=sent");
    const waiting = await listWaitingThreads(db(), { clinicId: fx.clinicId, limit: 10 });
    expect(waiting.total).toBe(1);
    expect(waiting.threads[0]).toMatchObject({ programmeId: fx.programmeId, patientId: fx.patientId, programmeTitle: "Knee" });
    // Another clinic neither sees the wait nor can answer into the thread.
    const other = await createClinic(db());
    expect((await listWaitingThreads(db(), { clinicId: other.clinic.id, limit: 10 })).total).toBe(0);
    const stranger = { clinicId: other.clinic.id, clinicianId: other.owner.id, clinicianName: "Stranger" };
    expect(await replyToThread(db(), stranger, { programmeId: fx.programmeId, body: "Hello", requestId: "stranger-reply-01" })).toEqual({
      ok: false,
    });

    const actor = { clinicId: fx.clinicId, clinicianId: fx.clinicianId, clinicianName: "Alex Morgan" };
    const words = "A stretch in the hamstrings is normal; ease off if it cramps.";
    const answer = { programmeId: fx.programmeId, body: words, requestId: "thread-reply-0001" };
    expect(await replyToThread(db(), actor, answer)).toMatchObject({ ok: true, emailed: true });
    expect(await replyToThread(db(), actor, answer)).toMatchObject({ ok: true, emailed: false });
    expect((await listWaitingThreads(db(), { clinicId: fx.clinicId, limit: 10 })).total).toBe(0);
    const thread = await listThread(db(), fx);
    expect(thread.map((m) => [m.author, m.body])).toEqual([
      ["patient", "Should the bridge hurt my hamstrings?"],
      ["clinician", words],
    ]);
    const emails = await db()
      .select()
      .from(emailOutbox)
      .where(sql`${emailOutbox.kind} = 'reply'`);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toBe("Alex Morgan replied about your exercises");
    const body = openEmailBody({ text: emails[0]!.textBody, html: emails[0]!.htmlBody });
    for (const part of [body.text, body.html]) expect(part).not.toMatch(/hamstring|stretch/i);
  });
});

import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { rowsOf } from "@/db/client";
import { getReminder } from "@/db/queries/reminders";
import { issueLink } from "@/db/queries/links";
import { createProgramme } from "@/db/queries/programmes";
import { clinics, emailOutbox, exercises, sessionLogs } from "@/db/schema";
import { openEmailHeaders } from "@/lib/email/outbox";
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

const dose = { sets: 2, reps: 8, holdSeconds: 0, restSeconds: 30, sides: "none" as const, timesPerDay: 1, daysPerWeek: 7, load: "", note: "" };

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
    .values({ slug: "wall-press", name: "Wall press", purpose: "Strength.", category: "strengthen", bodyRegion: "hips", position: "standing", steps: ["Press."], defaultDosage: dose })
    .returning({ id: exercises.id });
  const { clinic, owner, patient } = await createClinic(db());
  await db().update(clinics).set({ timeZone: "Europe/London" }).where(sql`${clinics.id} = ${clinic.id}`);
  const actor = { clinicId: clinic.id, clinicianId: owner.id };
  const content = { title: "Knee", patientNote: "", changeNote: "", startDate: null, reviewDate: null, items: [{ ...dose, exerciseId: exercise!.id }] };
  const programmeId = await createProgramme(db(), actor, { kind: "programme", patientId: patient.id, content });
  const link = await db().transaction((tx) => issueLink(tx, actor, { programmeId, key: linkKey(env().AUTH_SECRET) }));
  await db().execute(sql`update patient_links set expires_at = '2031-01-01T00:00:00Z'`);
  return { clinicId: clinic.id, patientId: patient.id, programmeId, token: link.token, linkId: link.id };
}

async function choose(token: string, reminder: string) {
  const { POST } = await import("@/app/p/[token]/reminders/route");
  return POST(new Request(`http://homeplan.test/p/${token}/reminders`, { method: "POST", body: new URLSearchParams({ reminder }) }), {
    params: Promise.resolve({ token }),
  });
}

const reminders = async () => db().select().from(emailOutbox).where(sql`${emailOutbox.kind} = 'reminder'`);

describe("missed-session reminders", () => {
  it("emails once at 18:00 London time on a day nothing is logged, not on a logged day, and never after a one-click unsubscribe", async () => {
    const fx = await setUp();
    expect((await choose(fx.token, "18:00")).status).toBe(303);
    expect((await choose(fx.token, "23:00")).status).toBe(400); // quiet hours are not offered
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
    await db().insert(sessionLogs).values({
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
      new Request(unsubscribeUrl!, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }),
      { params: Promise.resolve({ token }) },
    );
    expect(response.status).toBe(200);
    expect((await sweepReminders(db(), londonAt(2, 18, 5))).sent).toBe(0);
    expect(await reminders()).toHaveLength(1);
    // A forged token changes nothing.
    const forged = `${token.slice(0, 63)}${token.endsWith("A") ? "B" : "A"}`;
    expect((await POST(new Request("http://homeplan.test/x", { method: "POST" }), { params: Promise.resolve({ token: forged }) })).status).toBe(404);

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

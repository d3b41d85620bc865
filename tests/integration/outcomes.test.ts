import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { saveSchedule } from "@/db/queries/outcomes";
import { emailOutbox, exercises, questionnaireResponses } from "@/db/schema";
import { createProgramme } from "@/db/queries/programmes";
import { issueLink } from "@/lib/links/issue";
import { syncCatalogue } from "@/lib/catalogue/sync";
import { env } from "@/lib/env";
import { linkKey } from "@/lib/links/token";
import { loadDueOutcomes } from "@/lib/outcomes/due";
import { queueOverdueReminders } from "@/lib/outcomes/reminders";
import { setReminder, unsubscribeReminder } from "@/db/queries/reminders";
import { LOG_QUOTAS } from "@/lib/domain/patient-link";
import { pointAppAtTestDatabase } from "../mocks/db-client.mock";
import { driver, setupTestDatabase } from "../db";
import { createClinic } from "../factories";

vi.mock("next/headers", () => import("../mocks/next-headers.mock"));
vi.mock("@/db/client", async (importOriginal) => (await import("../mocks/db-client.mock")).dbClientDouble(importOriginal));

const { db } = setupTestDatabase();
beforeEach(pointAppAtTestDatabase(db));
const DAY = 86_400_000;

/** One clinic, a programme asking PSFS at the start and every 2 weeks, and a live link (every table is emptied before each test). */
let fx: { clinicId: string; patientId: string; programmeId: string; token: string; linkId: string };
beforeEach(async () => {
  await syncCatalogue(db());
  const [bridge] = await db()
    .select({ id: exercises.id })
    .from(exercises)
    .where(sql`slug = 'bridge'`);
  const { clinic, owner, patient } = await createClinic(db());
  const actor = { clinicId: clinic.id, clinicianId: owner.id };
  const dose = {
    sets: 3,
    reps: 10,
    holdSeconds: 0,
    restSeconds: 30,
    sides: "none" as const,
    timesPerDay: 1,
    daysPerWeek: 5,
    load: "",
    note: "",
  };
  const programmeId = await createProgramme(db(), actor, {
    kind: "programme",
    patientId: patient.id,
    content: {
      title: "Knee",
      patientNote: "",
      changeNote: "",
      startDate: null,
      reviewDate: null,
      items: [{ ...dose, exerciseId: bridge!.id }],
    },
  });
  expect(
    await saveSchedule(db(), actor, { programmeId, rules: [{ measure: "psfs", atStart: true, everyWeeks: 2, atReview: false }] }),
  ).toBe(true);
  const link = await db().transaction((tx) => issueLink(tx, actor, { programmeId, key: linkKey(env().AUTH_SECRET) }));
  fx = { clinicId: clinic.id, patientId: patient.id, programmeId, token: link.token, linkId: link.id };
});

async function post(body: unknown) {
  const { POST } = await import("@/app/p/[token]/answers/route");
  return POST(new Request(`http://homeplan.test/p/${fx.token}/answers`, { method: "POST", body: JSON.stringify(body) }), {
    params: Promise.resolve({ token: fx.token }),
  });
}
const psfs = (patch: Record<string, unknown> = {}) => ({
  idempotencyKey: randomUUID(),
  programmeId: fx.programmeId,
  version: 1,
  measure: "psfs",
  answeredAt: new Date().toISOString(),
  answers: [
    { linkId: "activity-1", value: 3, label: "Stairs" },
    { linkId: "activity-2", value: 6, label: "Kneeling" },
  ],
  ...patch,
});
const stored = () => db().select().from(questionnaireResponses).where(eq(questionnaireResponses.clinicId, fx.clinicId));

describe(`outcome measures through the patient's link on ${driver}`, () => {
  it("refuses answers the form could not make, naming the item, and a measure the programme does not ask; nothing written", async () => {
    const bad = await post(psfs({ answers: [{ linkId: "activity-1", value: 12, label: "Stairs" }] }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toMatch(/"activity-1"/);
    expect((await post(psfs({ measure: "nprs", answers: [{ linkId: "pain", value: 2 }] }))).status).toBe(400);
    expect((await post(psfs({ version: 7 }))).status).toBe(400);
    expect(await stored()).toHaveLength(0);
  });

  it("is due at the start, stored once per key with its score, then due again two weeks on; overdue is emailed once", async () => {
    expect((await loadDueOutcomes(db(), fx))!.due.map((d) => d.measure.key)).toEqual(["psfs"]);
    const answer = psfs();
    expect((await post(answer)).status).toBe(201);
    expect((await post(answer)).status).toBe(200);
    expect((await stored()).map((r) => [r.measure, r.score, r.version])).toEqual([["psfs", 4.5, 1]]);
    expect((await loadDueOutcomes(db(), fx))!.due).toEqual([]);

    const later = await loadDueOutcomes(db(), fx, new Date(Date.now() + 14 * DAY));
    expect(later!.due.map((d) => [d.measure.key, d.overdue])).toEqual([["psfs", false]]);
    // The activities named last time are asked again.
    expect(later!.activities).toEqual(["Stairs", "Kneeling"]);
    const overdueAt = new Date(Date.now() + 18 * DAY);
    expect(await queueOverdueReminders(db(), overdueAt)).toBe(1);
    expect(await queueOverdueReminders(db(), overdueAt)).toBe(0);
    const mail = await db()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.clinicId, fx.clinicId), eq(emailOutbox.kind, "outcome_reminder")));
    expect(mail).toHaveLength(1);
  });

  it("sends no overdue-questionnaire email to a patient who unsubscribed from reminders", async () => {
    await setReminder(db(), { ...fx, linkId: fx.linkId }, 18 * 60);
    expect(await unsubscribeReminder(db(), fx)).toBe(true);
    expect(await queueOverdueReminders(db(), new Date(Date.now() + 18 * DAY))).toBe(0);
    const mail = await db()
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.clinicId, fx.clinicId), eq(emailOutbox.kind, "outcome_reminder")));
    expect(mail).toHaveLength(0);
  });

  it("counts against the link's daily quota like session logs", async () => {
    for (let i = 0; i < LOG_QUOTAS.perDay; i++) expect((await post(psfs())).status).toBe(201);
    const refused = await post(psfs());
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await stored()).toHaveLength(LOG_QUOTAS.perDay);
  });
});

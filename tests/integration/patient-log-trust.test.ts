import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { rowsOf } from "@/db/client";
import { issueLink } from "@/lib/links/issue";
import { createProgramme } from "@/db/queries/programmes";
import { countSessionsSince } from "@/db/queries/sessions";
import { exercises, sessionLogs } from "@/db/schema";
import { syncCatalogue } from "@/lib/catalogue/sync";
import { newToken } from "@/lib/crypto/token";
import { linkKey } from "@/lib/links/token";
import { PEER_HEADER } from "@/lib/request";
import { pointAppAtTestDatabase } from "../mocks/db-client.mock";
import { setRequestHeaders } from "../mocks/next-headers.mock";
import { countRows, driver, setupTestDatabase } from "../db";
import { createClinic } from "../factories";
import { TEST_DOSE as dose } from "../linked-programme";

vi.mock("next/headers", () => import("../mocks/next-headers.mock"));
vi.mock("@/db/client", async (importOriginal) => (await import("../mocks/db-client.mock")).dbClientDouble(importOriginal));

const { db } = setupTestDatabase();
beforeEach(pointAppAtTestDatabase(db));
// As under Next: X-Forwarded-For is filled from the socket when the client sent none.
beforeEach(() => setRequestHeaders({ [PEER_HEADER]: "198.51.100.20", "x-forwarded-for": "198.51.100.20" }));

const key = linkKey("test-secret-test-secret-test-secret-123");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A programme of Bridge then Clam, and a link to it issued `issuedDaysAgo` days ago. */
async function setUp(issuedDaysAgo = 0) {
  await syncCatalogue(db());
  const rows = await db()
    .select({ id: exercises.id, slug: exercises.slug })
    .from(exercises)
    .where(sql`slug in ('bridge', 'bird-dog')`);
  const ids = ["bridge", "bird-dog"].map((s) => rows.find((r) => r.slug === s)!.id);
  const { clinic, owner, patient } = await createClinic(db());
  const actor = { clinicId: clinic.id, clinicianId: owner.id };
  const content = {
    title: "Back",
    patientNote: "",
    changeNote: "",
    startDate: null,
    reviewDate: null,
    items: ids.map((exerciseId) => ({ ...dose, exerciseId })),
  };
  const programmeId = await createProgramme(db(), actor, { kind: "programme", patientId: patient.id, content });
  const link = await db().transaction((tx) => issueLink(tx, actor, { programmeId, key }));
  if (issuedDaysAgo) await db().execute(sql`update patient_links set created_at = now() - make_interval(days => ${issuedDaysAgo})`);
  const log = (patch: Record<string, unknown> = {}) => ({
    idempotencyKey: randomUUID(),
    programmeId,
    version: 1,
    startedAt: null,
    completedAt: new Date().toISOString(),
    exercises: [
      { position: 0, exerciseId: ids[0]!, setsDone: 3, setsPlanned: 3, skipped: false },
      { position: 1, exerciseId: ids[1]!, setsDone: 2, setsPlanned: 3, skipped: true },
    ],
    pain: 3,
    difficulty: "about_right",
    comment: "",
    ...patch,
  });
  return { clinicId: clinic.id, programmeId, token: link.token, ids, log };
}

async function post(token: string, body: unknown) {
  const { POST } = await import("@/app/p/[token]/log/route");
  return POST(new Request(`http://homeplan.test/p/${token}/log`, { method: "POST", body: JSON.stringify(body) }), {
    params: Promise.resolve({ token }),
  });
}

describe(`a patient link's session log on ${driver}`, () => {
  it("is checked against the version it names: forged exercises, sets, versions and times are refused, nothing written", async () => {
    const { token, ids, log } = await setUp();
    const [bridge, clam] = ids as [string, string];
    const foreign = randomUUID();
    const forged: Record<string, Record<string, unknown>> = {
      "version beyond int": { version: 2147483648 },
      "version that does not exist": { version: 9 },
      "exercise not in the programme": { exercises: [{ position: 0, exerciseId: foreign, setsDone: 3, setsPlanned: 3, skipped: false }] },
      "exercise at the wrong position": { exercises: [{ position: 1, exerciseId: bridge, setsDone: 3, setsPlanned: 3, skipped: false }] },
      "100 planned sets": { exercises: [{ position: 0, exerciseId: bridge, setsDone: 100, setsPlanned: 100, skipped: false }] },
      "more sets done than planned": { exercises: [{ position: 0, exerciseId: bridge, setsDone: 4, setsPlanned: 3, skipped: false }] },
      "the same position twice": {
        exercises: [
          { position: 1, exerciseId: clam, setsDone: 3, setsPlanned: 3, skipped: false },
          { position: 1, exerciseId: clam, setsDone: 3, setsPlanned: 3, skipped: false },
        ],
      },
      "completed before the link was issued": { completedAt: new Date(Date.now() - HOUR).toISOString() },
      "completed in the future": { completedAt: new Date(Date.now() + HOUR).toISOString() },
    };
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    for (const [what, patch] of Object.entries(forged)) {
      const response = await post(token, log({ pain: 10, ...patch }));
      expect(response.status, what).toBe(400);
      expect(await response.json(), what).toMatchObject({ error: "invalid" });
    }
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
    expect(await countRows(db(), "session_logs")).toBe(0);
    expect((await post(token, log())).status).toBe(201);
    expect((await post(token, log({ completedAt: new Date(Date.now() + 60_000).toISOString() }))).status).toBe(201);
  });

  it("40 forged logs in a burst: at most 12 stored, the rest 429 with Retry-After; the week shows no 20 sessions", async () => {
    const { token, log, clinicId, programmeId } = await setUp();
    const responses = await Promise.all(Array.from({ length: 40 }, () => post(token, log({ pain: 10 }))));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(12);
    expect(statuses.filter((s) => s === 429)).toHaveLength(28);
    const refused = responses.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: "rate_limited", message: expect.stringMatching(/try again later|sessions/i) });
    expect(await countRows(db(), "session_logs")).toBe(12);
    expect(await countSessionsSince(db(), { clinicId, programmeId, since: new Date(Date.now() - 7 * DAY) })).toBe(12);
  });

  it("a week of sessions logged offline (two a day) goes through when the phone sends them all at once", async () => {
    const { token, log } = await setUp(8);
    const week = Array.from({ length: 14 }, (_, i) =>
      log({ completedAt: new Date(Date.now() - Math.floor(i / 2) * DAY - (i % 2) * 8 * HOUR - HOUR).toISOString() }),
    );
    const first = await Promise.all(week.map((l) => post(token, l)));
    expect(first.map((r) => r.status)).toEqual(week.map(() => 201));
    // The queue resends after a lost response: the same logs, recognised, not counted twice.
    const again = await Promise.all(week.map((l) => post(token, l)));
    expect(again.map((r) => r.status)).toEqual(week.map(() => 200));
    expect(await countRows(db(), "session_logs")).toBe(14);
  });

  it("at most 30 logs an hour per link, and 200 in all per version", async () => {
    const { token, log, clinicId, programmeId } = await setUp(30);
    const spread = (i: number) => new Date(Date.now() - (i + 1) * DAY).toISOString();
    for (let i = 0; i < 30; i++) expect((await post(token, log({ completedAt: spread(i) }))).status).toBe(201);
    const burst = await post(token, log({ completedAt: spread(0) }));
    expect(burst.status).toBe(429);
    expect(Number(burst.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await countRows(db(), "session_logs")).toBe(30);

    // An hour later, 170 more are already stored for this version (three a day since the link was issued).
    await db().execute(sql`delete from rate_limits`);
    const [link] = rowsOf<{ id: string; patient_id: string }>(await db().execute(sql`select id, patient_id from patient_links`));
    await db()
      .insert(sessionLogs)
      .values(
        Array.from({ length: 170 }, (_, i) => ({
          clinicId,
          patientId: link!.patient_id,
          programmeId,
          version: 1,
          linkId: link!.id,
          idempotencyKey: `seeded-${i}-0000000000`,
          completedAt: new Date(Date.now() - (Math.floor(i / 6) + 1) * DAY + (i % 6) * 60_000),
        })),
      );
    const full = await post(token, log());
    expect(full.status).toBe(429);
    expect(await countRows(db(), "session_logs")).toBe(200);
  });
});

describe(`the patient link gate on ${driver}`, () => {
  it("31 misses sent claiming someone else's address do not stop that person's live link", async () => {
    const { token } = await setUp();
    const { resolvePatientLink } = await import("@/lib/links/access");
    setRequestHeaders({ [PEER_HEADER]: "198.51.100.66", "x-forwarded-for": "203.0.113.9" });
    for (let i = 0; i < 31; i++) expect(await resolvePatientLink(newToken())).toBeNull();
    setRequestHeaders({ [PEER_HEADER]: "203.0.113.9", "x-forwarded-for": "203.0.113.9" });
    expect((await resolvePatientLink(token))?.linkId).toBeDefined();
    const keys = rowsOf<{ key: string }>(await db().execute(sql`select key from rate_limits`)).map((r) => r.key);
    expect(keys).toEqual(["link-miss:198.51.100.66"]);
  });

  it("a live token opens even from an address that is throttled for its misses", async () => {
    const { token, log } = await setUp();
    const { resolvePatientLink } = await import("@/lib/links/access");
    for (let i = 0; i < 31; i++) expect(await resolvePatientLink(newToken())).toBeNull();
    const miss = await post(newToken(), log());
    expect(miss.status).toBe(429);
    expect((await resolvePatientLink(token))?.linkId).toBeDefined();
    expect((await post(token, log())).status).toBe(201);
  });
});

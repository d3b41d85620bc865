import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { exercises } from "@/db/schema";
import { resolveToken as resolveTokenHash, revokeLinks } from "@/db/queries/links";
import { hashToken } from "@/lib/crypto/token";
import { getCurrentLink } from "@/lib/links/current";
import { issueLink } from "@/lib/links/issue";
import { createProgramme, saveProgrammeVersion } from "@/db/queries/programmes";
import { recordSessionLog } from "@/db/queries/sessions";
import { syncCatalogue } from "@/lib/catalogue/sync";
import { linkKey } from "@/lib/links/token";
import { loadProgrammeView } from "@/lib/patient/programme-view";
import { countRows, driver, setupTestDatabase } from "../db";
import { createClinic } from "../factories";
import { TEST_DOSE as dose } from "../linked-programme";

const { db } = setupTestDatabase();
const resolveToken = (database: ReturnType<typeof db>, token: string) => resolveTokenHash(database, hashToken(token));
const key = linkKey("test-secret-test-secret-test-secret-123");

async function setup() {
  await syncCatalogue(db());
  const [bridge] = await db()
    .select({ id: exercises.id })
    .from(exercises)
    .where(sql`slug = 'bridge'`);
  const { clinic, owner, patient } = await createClinic(db());
  const actor = { clinicId: clinic.id, clinicianId: owner.id };
  const content = {
    title: "Back",
    patientNote: "",
    changeNote: "",
    startDate: null,
    reviewDate: null,
    items: [{ ...dose, exerciseId: bridge!.id }],
  };
  const programmeId = await createProgramme(db(), actor, { kind: "programme", patientId: patient.id, content });
  return { clinic, owner, patient, actor, programmeId, content, bridgeId: bridge!.id };
}

describe(`patient links on ${driver}`, () => {
  it("resolve while live; revoked and reissued links stop at once", async () => {
    const { actor, programmeId } = await setup();
    const first = await db().transaction((tx) => issueLink(tx, actor, { programmeId, key }));
    expect((await resolveToken(db(), first.token))?.programmeId).toBe(programmeId);
    const second = await db().transaction((tx) => issueLink(tx, actor, { programmeId, key }));
    expect(await resolveToken(db(), first.token)).toBeUndefined();
    expect((await resolveToken(db(), second.token))?.programmeId).toBe(programmeId);
    const current = await getCurrentLink(db(), { clinicId: actor.clinicId, programmeId, key });
    expect(current).toMatchObject({ id: second.id, status: "active", token: second.token });
    await db().transaction((tx) => revokeLinks(tx, actor, { programmeId }));
    expect(await resolveToken(db(), second.token)).toBeUndefined();
    expect((await getCurrentLink(db(), { clinicId: actor.clinicId, programmeId, key }))?.status).toBe("revoked");
  });

  it("expire, and never appear raw in any table", async () => {
    const { actor, programmeId } = await setup();
    const link = await db().transaction((tx) => issueLink(tx, actor, { programmeId, key }));
    const dump = JSON.stringify(
      await Promise.all(
        rowsOf<{ tablename: string }>(await db().execute(sql`select tablename from pg_tables where schemaname = 'public'`)).map(async (t) =>
          rowsOf(await db().execute(sql.raw(`select * from "${t.tablename}"`))),
        ),
      ),
      (_k, v) => (v && v.type === "Buffer" ? Buffer.from(v.data).toString("base64url") : v),
    );
    expect(dump).not.toContain(link.token);
    await db().execute(sql`update patient_links set expires_at = now() - interval '1 second'`);
    expect(await resolveToken(db(), link.token)).toBeUndefined();
  });

  it("shows the newest version through the same link, with what changed", async () => {
    const { actor, programmeId, content, clinic } = await setup();
    const link = await db().transaction((tx) => issueLink(tx, actor, { programmeId, key }));
    await saveProgrammeVersion(db(), actor, {
      programmeId,
      baseVersion: 1,
      content: { ...content, title: "Back, week 2", items: [{ ...content.items[0]!, reps: 15 }] },
    });
    const resolved = await resolveToken(db(), link.token);
    const view = await loadProgrammeView(db(), { clinicId: resolved!.clinicId, programmeId: resolved!.programmeId });
    expect(view).toMatchObject({ title: "Back, week 2", version: 2, clinic: { name: clinic.name } });
    expect(view?.changes?.changed).toEqual([{ name: "Bridge", changes: ["reps 10 → 15"] }]);
    expect(JSON.stringify(view)).not.toMatch(/dateOfBirth|notes|passwordHash/);
  });

  it("store a session once, however often or concurrently it is sent", async () => {
    const { actor, programmeId, bridgeId } = await setup();
    const link = await db().transaction((tx) => issueLink(tx, actor, { programmeId, key }));
    const resolved = (await resolveToken(db(), link.token))!;
    const log = {
      idempotencyKey: "2b8f1a55-5d6e-4c1b-9a77-0c1e2d3f4a5b",
      programmeId,
      version: 1,
      startedAt: new Date(Date.now() - 600_000).toISOString(),
      completedAt: new Date().toISOString(),
      exercises: [{ position: 0, exerciseId: bridgeId, setsDone: 3, setsPlanned: 3, skipped: false }],
      pain: 3,
      difficulty: "about_right" as const,
      comment: "<script>alert(1)</script>",
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => recordSessionLog(db(), resolved, log)));
    expect(new Set(results.map((r) => ("id" in r ? r.id : r.error))).size).toBe(1);
    expect(results.filter((r) => "created" in r && r.created)).toHaveLength(1);
    expect(await countRows(db(), "session_logs")).toBe(1);
    expect(await recordSessionLog(db(), resolved, { ...log, idempotencyKey: "other-key-0000000000", version: 9 })).toEqual({
      error: "unknown_version",
    });
    expect(await countRows(db(), "session_logs")).toBe(1);
  });
});

describe(`emailing a patient link on ${driver}`, () => {
  it("20 concurrent clicks with one request id queue one email carrying the one live link", async () => {
    const { sendPatientLink } = await import("@/lib/links/send-link");
    const { actor, programmeId, patient } = await setup();
    const requestId = "6f1c2d3e-4a5b-4c7d-8e9f-0a1b2c3d4e5f";
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        sendPatientLink(db(), { ...actor, clinicianName: "Sam" }, { programmeId, requestId, key, appUrl: "https://homeplan.test" }),
      ),
    );
    expect(results.filter((r) => r.sent)).toHaveLength(1);
    expect(results.every((r) => r.to === patient.email)).toBe(true);
    expect(await countRows(db(), "email_outbox")).toBe(1);
    const live = rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from patient_links where revoked_at is null`));
    expect(Number(live[0]!.n)).toBe(1);
    const current = await getCurrentLink(db(), { clinicId: actor.clinicId, programmeId, key });
    const [email] = rowsOf<{ subject_ref: string }>(await db().execute(sql`select subject_ref from email_outbox`));
    expect(email!.subject_ref).toBe(current!.id);
  });
});

describe(`archiving a patient on ${driver}`, () => {
  it("stops their link at once, with an audit row, and restoring does not revive it", async () => {
    const { setPatientArchived } = await import("@/db/queries/patients");
    const { actor, programmeId, patient } = await setup();
    const link = await db().transaction((tx) => issueLink(tx, actor, { programmeId, key }));
    expect(await resolveToken(db(), link.token)).toBeDefined();
    await setPatientArchived(db(), { id: patient.id, clinicId: actor.clinicId, clinicianId: actor.clinicianId }, true);
    expect(await resolveToken(db(), link.token)).toBeUndefined();
    const audit = rowsOf<{ action: string }>(await db().execute(sql`select action from audit_events where action = 'link.revoked'`));
    expect(audit).toHaveLength(1);
    await setPatientArchived(db(), { id: patient.id, clinicId: actor.clinicId, clinicianId: actor.clinicianId }, false);
    expect(await resolveToken(db(), link.token)).toBeUndefined();
  });
});

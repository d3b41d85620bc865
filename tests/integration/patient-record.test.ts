import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { rowsOf } from "@/db/client";
import { verifyAuditChain } from "@/db/queries/audit";
import { auditEvents, patients, programmeItems, programmes, programmeVersions, sessionLogs } from "@/db/schema";
import { programmePageParts, programmePartsKey } from "@/app/p/[token]/programme-parts";
import { seedAccessFixture, type AccessFixture } from "../access/fixture";
import { changedTables, snapshot } from "../access/snapshot";
import { actAs } from "../mocks/auth.mock";
import { pointAppAtTestDatabase } from "../mocks/db-client.mock";
import { describeNavigation } from "../mocks/next-navigation.mock";
import { driver, setupTestDatabase, workerDatabaseUrl } from "../db";

vi.mock("@/lib/auth/auth", () => import("../mocks/auth.mock"));
vi.mock("next-auth", () => import("../mocks/next-auth.mock"));
vi.mock("next/headers", () => import("../mocks/next-headers.mock"));
vi.mock("next/navigation", () => import("../mocks/next-navigation.mock"));
vi.mock("next/cache", () => import("../mocks/next-cache.mock"));
vi.mock("@/db/client", async (importOriginal) => (await import("../mocks/db-client.mock")).dbClientDouble(importOriginal));

const { GET: exportRecord } = await import("@/app/(portal)/patients/[id]/record.zip/route");
const { GET: exportFhir } = await import("@/app/(portal)/patients/[id]/fhir-bundle.json/route");
const { erasePatientAction } = await import("@/app/(portal)/patients/erase-actions");
const { GET: patientCalendar } = await import("@/app/p/[token]/calendar.ics/route");
const { default: PatientPage } = await import("@/app/(portal)/patients/[id]/page");

const { db } = setupTestDatabase();
beforeEach(pointAppAtTestDatabase(db));
const work = mkdtempSync(path.join(tmpdir(), "record-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const TEMPLATE_TITLE = "Template kept after erasure 5521";

/** The access fixture's patient, with three programme versions, thirty session logs and a template saved from the programme. */
async function richPatient(): Promise<AccessFixture> {
  const fx = await seedAccessFixture(db());
  const { clinicId, programmeId, exerciseId, clinician } = fx.victim;
  for (const version of [2, 3]) {
    await db()
      .insert(programmeVersions)
      .values({
        clinicId,
        programmeId,
        version,
        title: `${fx.canaries.programmeTitle} v${version}`,
        changeNote: `Harder from v${version}`,
        createdBy: version === 3 ? clinician.id : fx.victim.owner.id,
      });
    await db()
      .insert(programmeItems)
      .values({ clinicId, programmeId, version, position: 0, exerciseId, sets: 3, reps: 10 + version, holdSeconds: 5 });
  }
  await db().update(programmes).set({ currentVersion: 3 }).where(eq(programmes.id, programmeId));
  await db()
    .insert(sessionLogs)
    .values(
      Array.from({ length: 29 }, (_, i) => ({
        clinicId,
        patientId: fx.victim.patientId,
        programmeId,
        version: 3,
        idempotencyKey: `log-${String(i).padStart(4, "0")}`,
        completedAt: new Date(Date.UTC(2026, 0, 1 + i)),
        pain: i % 11,
        comment: i === 7 ? "Stiff after gardening" : "",
      })),
    );
  const [template] = await db().insert(programmes).values({ clinicId, kind: "template", currentVersion: 1 }).returning();
  await db().insert(programmeVersions).values({ clinicId, programmeId: template!.id, version: 1, title: TEMPLATE_TITLE });
  await db().insert(programmeItems).values({ clinicId, programmeId: template!.id, version: 1, position: 0, exerciseId, sets: 2, reps: 8 });
  return fx;
}

const claims = (p: { id: string; clinicId: string; role: "owner" | "clinician"; sessionVersion: number }) => ({
  id: p.id,
  clinicId: p.clinicId,
  role: p.role,
  sessionVersion: p.sessionVersion,
});
const download = (patientId: string) =>
  exportRecord(new Request(`http://homeplan.test/patients/${patientId}/record.zip`), { params: Promise.resolve({ id: patientId }) });
const eraseForm = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};
async function erase(fields: Record<string, string>) {
  try {
    return { state: await erasePatientAction({}, eraseForm(fields)) };
  } catch (error) {
    return { navigation: describeNavigation(error) ?? String(error) };
  }
}

/** Every row of every table in the public schema, as text: what a dump of the data holds. */
async function dumpEverything(): Promise<string> {
  const names = rowsOf<{ tablename: string }>(await db().execute(sql`select tablename from pg_tables where schemaname = 'public'`)).map(
    (r) => r.tablename,
  );
  const parts: string[] = [];
  for (const name of names)
    parts.push(...rowsOf<{ r: string }>(await db().execute(sql`select t::text as r from ${sql.identifier(name)} t`)).map((r) => r.r));
  return parts.join("\n");
}

describe(`a patient's record on ${driver}`, () => {
  it("exports as a ZIP that standard tools open, with JSON that matches the data and a PDF with their words", async () => {
    const fx = await richPatient();
    actAs(claims(fx.victim.owner));
    const response = await download(fx.victim.patientId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    const zipPath = path.join(work, `${driver}-record.zip`);
    writeFileSync(zipPath, Buffer.from(await response.arrayBuffer()));

    expect(execFileSync("unzip", ["-t", zipPath]).toString()).toMatch(/No errors detected/);
    const out = path.join(work, `${driver}-out`);
    execFileSync("python3", [
      "-c",
      "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.namelist()); z.extractall(sys.argv[2])",
      zipPath,
      out,
    ]);
    const record = JSON.parse(readFileSync(path.join(out, "record.json"), "utf8"));
    expect(record).toMatchObject({
      format: "homeplan.patient-record",
      version: 1,
      patient: { id: fx.victim.patientId, name: fx.canaries.patientName, email: fx.canaries.patientEmail, notes: fx.canaries.patientNotes },
    });
    // The documented schema accepts it, and is strict enough to refuse a record without its sessions.
    const documented = z.fromJSONSchema(JSON.parse(readFileSync("docs/patient-record.schema.json", "utf8")));
    expect(documented.safeParse(record).error).toBeUndefined();
    expect(documented.safeParse({ ...record, sessions: undefined }).success).toBe(false);
    expect(record.programmes).toHaveLength(1);
    expect(
      record.programmes[0].versions.map((v: { version: number; exercises: { reps: number }[] }) => [v.version, v.exercises[0]!.reps]),
    ).toEqual([
      [1, 8],
      [2, 12],
      [3, 13],
    ]);
    expect(record.sessions).toHaveLength(30);
    expect(record.sessions.map((s: { comment: string }) => s.comment)).toEqual(
      expect.arrayContaining([fx.canaries.sessionComment, "Stiff after gardening"]),
    );
    // Oldest first, none twice: the pages were stitched together in order.
    const times = record.sessions.map((s: { completedAt: string }) => s.completedAt);
    expect([...times].sort()).toEqual(times);
    expect(new Set(record.sessions.map((s: { id: string }) => s.id)).size).toBe(30);
    expect(record.emails).toEqual([expect.objectContaining({ subject: fx.canaries.emailSubject, status: "failed" })]);
    expect(record.links).toEqual([expect.objectContaining({ programmeId: fx.victim.programmeId, status: "active" })]);
    expect(record.outcomes.responses).toEqual([
      expect.objectContaining({
        measure: "psfs",
        version: 1,
        score: 4,
        answers: [{ linkId: "activity-1", value: 4, label: fx.canaries.activityName }],
      }),
    ]);
    expect(record.outcomes.schedules.map((s: { measure: string }) => s.measure).sort()).toEqual([fx.victim.measureKey, "psfs"].sort());
    // No token, token hash, ciphertext or sealed body anywhere in the archive.
    const json = readFileSync(path.join(out, "record.json"), "utf8");
    for (const secret of [fx.victim.linkToken, "tokenCiphertext", "tokenHash", "textBody", "Canary body text", TEMPLATE_TITLE])
      expect(json).not.toContain(secret);

    // qpdf's structural check (exit 0: no errors, no warnings), then poppler reads the words.
    expect(execFileSync("qpdf", ["--check", path.join(out, "record.pdf")]).toString()).toContain(
      "No syntax or stream encoding errors found",
    );
    const text = execFileSync("/usr/bin/pdftotext", ["-layout", path.join(out, "record.pdf"), "-"]).toString();
    expect(text).toContain(fx.canaries.patientName);
    expect(text).toContain(fx.canaries.sessionComment);
    expect(text).toContain("Stiff after gardening");
    expect(text).toContain(`${fx.canaries.programmeTitle} v3`);
    expect(text).not.toContain(fx.victim.linkToken);

    const [audit] = await db().select().from(auditEvents).where(eq(auditEvents.action, "patient.exported"));
    expect(audit).toMatchObject({
      clinicId: fx.victim.clinicId,
      actorId: fx.victim.owner.id,
      objectId: fx.victim.patientId,
      detail: { format: "zip" },
    });
  });

  it("records one audit event, with the clinician and their address, each time a patient's page is opened", async () => {
    const fx = await richPatient();
    actAs(claims(fx.victim.colleague));
    await PatientPage({ params: Promise.resolve({ id: fx.victim.patientId }), searchParams: Promise.resolve({}) });
    const views = await db().select().from(auditEvents).where(eq(auditEvents.action, "patient.viewed"));
    expect(views).toEqual([
      expect.objectContaining({
        clinicId: fx.victim.clinicId,
        actorId: fx.victim.colleague.id,
        objectType: "patient",
        objectId: fx.victim.patientId,
        ip: "203.0.113.9",
        detail: {},
      }),
    ]);
  });

  it("lets a clinician who treats the patient export, as ZIP or FHIR, and answers 404 to one who does not and to another clinic", async () => {
    const fx = await richPatient();
    const fhir = (patientId: string) =>
      exportFhir(new Request(`http://homeplan.test/patients/${patientId}/fhir-bundle.json`), {
        params: Promise.resolve({ id: patientId }),
      });
    for (const get of [download, fhir]) {
      actAs(claims(fx.victim.colleague));
      expect((await get(fx.victim.patientId)).status).toBe(404);
      actAs(claims(fx.attacker));
      expect((await get(fx.victim.patientId)).status).toBe(404);
      // The fixture's clinician saved version 3.
      actAs(claims(fx.victim.clinician));
      const response = await get(fx.victim.patientId);
      expect(response.status).toBe(200);
      await response.arrayBuffer();
    }
  });

  it("refuses an erasure whose typed name does not match, saying so and changing nothing", async () => {
    const fx = await richPatient();
    actAs(claims(fx.victim.owner));
    const before = await snapshot(db());
    const result = await erase({ id: fx.victim.patientId, reason: "patient_request", confirmName: fx.canaries.patientName.toLowerCase() });
    expect(result.state?.message).toMatch(/does not match/);
    expect(result.state?.errors?.confirmName?.[0]).toBeTruthy();
    expect(changedTables(before, await snapshot(db()))).toEqual([]);
  });

  it("erases every trace of the patient, keeps a tombstone and the template, and their old link answers like an unknown one", async () => {
    const fx = await richPatient();
    actAs(claims(fx.victim.owner));
    // The patient page has kept the programme in memory, as after any visit.
    const kept = await programmePartsKey(db(), { clinicId: fx.victim.clinicId, programmeId: fx.victim.programmeId });
    expect(await programmePageParts(db(), kept!)).not.toBeNull();
    const result = await erase({ id: fx.victim.patientId, reason: "patient_request", confirmName: ` ${fx.canaries.patientName} ` });
    expect(result.navigation).toMatch(/\/patients\?erased=1/);

    const dump = await dumpEverything();
    const words = [
      fx.canaries.patientName,
      fx.canaries.patientEmail,
      fx.canaries.patientNotes,
      fx.canaries.sessionComment,
      fx.canaries.activityName,
      "Stiff after gardening",
      fx.canaries.programmeTitle,
      fx.canaries.emailSubject,
      "Harder from v2",
    ];
    expect(words.filter((w) => dump.includes(w))).toEqual([]);
    expect(dump).toContain(TEMPLATE_TITLE);
    expect(await db().select().from(patients).where(eq(patients.id, fx.victim.patientId))).toEqual([]);
    // The kept programme went with the rows: asked for by its old key, there is nothing to show.
    expect(await programmePageParts(db(), kept!)).toBeNull();

    const [tombstone] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "patient.erased"), eq(auditEvents.objectId, fx.victim.patientId)));
    expect(tombstone).toMatchObject({
      actorId: fx.victim.owner.id,
      objectType: "patient",
      detail: { reason: "patient_request", programmes: 1, sessions: 30, links: 1 },
    });
    expect(await verifyAuditChain(db(), fx.victim.clinicId)).toMatchObject({ ok: true });

    const gone = await patientCalendar(new Request("http://homeplan.test/p/x/calendar.ics"), {
      params: Promise.resolve({ token: fx.victim.linkToken }),
    });
    const unknown = await patientCalendar(new Request("http://homeplan.test/p/x/calendar.ics"), {
      params: Promise.resolve({ token: fx.unknownToken }),
    });
    expect([gone.status, await gone.text()]).toEqual([unknown.status, await unknown.text()]);
    expect(gone.status).toBe(404);

    if (driver === "postgres") {
      const pgDump = execFileSync("pg_dump", ["--data-only", await workerDatabaseUrl()], { maxBuffer: 256 * 1024 * 1024 }).toString();
      expect(pgDump).toContain(TEMPLATE_TITLE);
      expect(words.filter((w) => pgDump.includes(w))).toEqual([]);
    }
  });
});

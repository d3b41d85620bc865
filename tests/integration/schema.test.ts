import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { clinicians, programmeItems, programmeVersions, programmes, sessionLogs } from "@/db/schema";
import { syncCatalogue } from "@/lib/catalogue/sync";
import { createClinic } from "../factories";
import { driver, setupTestDatabase } from "../db";

const { db } = setupTestDatabase();

async function rejects(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    return String(cause?.message ?? (error as Error).message);
  }
  throw new Error("expected the database to refuse this write");
}

describe(`schema on ${driver}`, () => {
  it("has every table of the domain and the trigram extension", async () => {
    const tables = rowsOf<{ tablename: string }>(
      await db().execute(sql`select tablename from pg_tables where schemaname = 'public' order by 1`),
    ).map((r) => r.tablename);
    expect(tables).toEqual(
      expect.arrayContaining([
        "clinics",
        "clinicians",
        "invitations",
        "patients",
        "exercises",
        "programmes",
        "programme_versions",
        "programme_items",
        "patient_links",
        "session_logs",
        "email_outbox",
        "audit_events",
        "rate_limits",
      ]),
    );
    const ext = rowsOf<{ extname: string }>(await db().execute(sql`select extname from pg_extension where extname = 'pg_trgm'`));
    expect(ext).toHaveLength(1);
  });

  it("refuses a second account with the same email in another letter case", async () => {
    const a = await createClinic(db());
    const message = await rejects(
      db().insert(clinicians).values({ clinicId: a.clinic.id, name: "Dup", email: a.owner.email.toUpperCase(), passwordHash: "x" }),
    );
    expect(message).toMatch(/clinicians_email_key|duplicate/);
  });

  it("refuses a programme that points at another clinic's patient", async () => {
    const a = await createClinic(db(), "A");
    const b = await createClinic(db(), "B");
    const message = await rejects(db().insert(programmes).values({ clinicId: a.clinic.id, kind: "programme", patientId: b.patient.id }));
    expect(message).toMatch(/foreign key|violates/);
  });

  it("refuses dosages outside clinical ranges and pain outside 0–10", async () => {
    await syncCatalogue(db());
    const { clinic, patient } = await createClinic(db());
    const [programme] = await db()
      .insert(programmes)
      .values({ clinicId: clinic.id, kind: "programme", patientId: patient.id, currentVersion: 1 })
      .returning();
    await db().insert(programmeVersions).values({ clinicId: clinic.id, programmeId: programme!.id, version: 1, title: "Back" });
    const [exercise] = rowsOf<{ id: string }>(await db().execute(sql`select id from exercises limit 1`));
    const item = { clinicId: clinic.id, programmeId: programme!.id, version: 1, exerciseId: exercise!.id, reps: 10 };
    expect(
      await rejects(
        db()
          .insert(programmeItems)
          .values({ ...item, position: 0, sets: 21 }),
      ),
    ).toMatch(/programme_items_sets/);
    expect(
      await rejects(
        db()
          .insert(programmeItems)
          .values({ ...item, position: 1, sets: 3, holdSeconds: 601 }),
      ),
    ).toMatch(/programme_items_hold/);
    await db()
      .insert(programmeItems)
      .values({ ...item, position: 2, sets: 3 });
    const log = { clinicId: clinic.id, patientId: patient.id, programmeId: programme!.id, version: 1, completedAt: new Date() };
    expect(
      await rejects(
        db()
          .insert(sessionLogs)
          .values({ ...log, idempotencyKey: "a", pain: 11 }),
      ),
    ).toMatch(/session_logs_pain_range/);
    expect(
      await rejects(
        db()
          .insert(sessionLogs)
          .values({ ...log, idempotencyKey: "b", pain: -1 }),
      ),
    ).toMatch(/session_logs_pain_range/);
    await db()
      .insert(sessionLogs)
      .values({ ...log, idempotencyKey: "c", pain: 0 });
  });

  it("refuses a template that names a patient", async () => {
    const { clinic, patient } = await createClinic(db());
    const message = await rejects(db().insert(programmes).values({ clinicId: clinic.id, kind: "template", patientId: patient.id }));
    expect(message).toMatch(/programmes_kind_patient/);
  });
});

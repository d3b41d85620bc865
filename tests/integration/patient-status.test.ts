import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { exercises, sessionLogs } from "@/db/schema";
import { rowsOf } from "@/db/client";
import { issueLink } from "@/lib/links/issue";
import { listPatientPage } from "@/db/queries/patient-status";
import { createProgramme } from "@/db/queries/programmes";
import { attentionForPatient } from "@/lib/adherence/flags";
import { syncCatalogue } from "@/lib/catalogue/sync";
import { linkKey } from "@/lib/links/token";
import { driver, setupTestDatabase } from "../db";
import { createClinic } from "../factories";

const { db } = setupTestDatabase();

describe(`patient list status on ${driver}`, () => {
  it("shows link state, this week's sessions against the plan, recent pain, and flags rising pain", async () => {
    await syncCatalogue(db());
    const [bridge] = await db()
      .select({ id: exercises.id })
      .from(exercises)
      .where(sql`slug = 'bridge'`);
    const { clinic, owner, patient } = await createClinic(db());
    const other = await createClinic(db(), "Other");
    const actor = { clinicId: clinic.id, clinicianId: owner.id };
    const item = {
      exerciseId: bridge!.id,
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
      content: { title: "Back", patientNote: "", changeNote: "", startDate: null, reviewDate: null, items: [item] },
    });
    await db().transaction((tx) => issueLink(tx, actor, { programmeId, key: linkKey("x".repeat(40)) }));
    const days = [3, 2, 1];
    const pains = [2, 3, 5];
    for (const [i, d] of days.entries()) {
      await db()
        .insert(sessionLogs)
        .values({
          clinicId: clinic.id,
          patientId: patient.id,
          programmeId,
          version: 1,
          idempotencyKey: `k${i}-aaaaaaaaaaaaaaaa`,
          completedAt: new Date(Date.now() - d * 86_400_000),
          pain: pains[i],
          exercises: [],
        });
    }
    const { rows } = await listPatientPage(db(), { clinicId: clinic.id, query: { show: "all", sort: "name" } });
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({ name: patient.name, programmeTitle: "Back", linkState: "active", sessionsThisWeek: 3, plannedPerWeek: 5 });
    expect(row!.recent.map((r) => r.pain)).toEqual([2, 3, 5]);
    const flags = attentionForPatient(row!, new Date());
    expect(flags.reasons).toEqual(["Pain rising"]);
    // The SQL flag the list filters and sorts by agrees with the rule shown on screen.
    expect(row!.urgency).toBe(2);
    // The other clinic sees only its own patient, with nothing of this one's.
    const { rows: theirs } = await listPatientPage(db(), { clinicId: other.clinic.id, query: { show: "all", sort: "name" } });
    expect(theirs.map((r) => r.id)).toEqual([other.patient.id]);
    expect(theirs[0]).toMatchObject({ sessionsThisWeek: 0, recent: [], linkState: null });

    // The filter reads the activity the triggers keep: it follows each write, deletions included.
    const flagged = async () => (await listPatientPage(db(), { clinicId: clinic.id, query: { show: "attention", sort: "name" } })).total;
    expect(await flagged()).toBe(1);
    await db()
      .delete(sessionLogs)
      .where(sql`${sessionLogs.clinicId} = ${clinic.id} and ${sessionLogs.pain} = 5`);
    expect(await flagged()).toBe(0);
    await db().insert(sessionLogs).values({
      clinicId: clinic.id,
      patientId: patient.id,
      programmeId,
      version: 1,
      idempotencyKey: "k9-aaaaaaaaaaaaaaaa",
      completedAt: new Date(),
      pain: 6,
      exercises: [],
    });
    expect(await flagged()).toBe(1);
    await db()
      .delete(sessionLogs)
      .where(sql`${sessionLogs.clinicId} = ${clinic.id}`);
    expect(await db().execute(sql`select * from patient_activity where clinic_id = ${clinic.id}`)).toSatisfy((r) => rowsOf(r).length === 0);
    expect((await listPatientPage(db(), { clinicId: clinic.id, query: { show: "all", sort: "name" } })).rows[0]).toMatchObject({
      lastSessionAt: null,
      urgency: 0,
    });
  });
});

import { describe, expect, it } from "vitest";
import { seedDemoData } from "@/lib/demo/data";
import { listPatientPage } from "@/db/queries/patient-status";
import { parsePatientListQuery } from "@/lib/patient/list-query";
import { eq } from "drizzle-orm";
import { clinics, programmes } from "@/db/schema";
import { attentionForPatient } from "@/lib/adherence/flags";
import { syncCatalogue } from "@/lib/catalogue/sync";
import { loadStarterTemplates } from "@/lib/catalogue/templates";
import { linkKey } from "@/lib/links/token";
import { countRows, driver, setupTestDatabase } from "../db";

const { db } = setupTestDatabase();

const TABLES = [
  "clinics",
  "clinicians",
  "patients",
  "programmes",
  "programme_versions",
  "programme_items",
  "patient_links",
  "session_logs",
  "email_outbox",
  "audit_events",
];
const options = { key: linkKey("x".repeat(40)), appUrl: "http://localhost:3000" };

async function counts() {
  return Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await countRows(db(), t)] as const)));
}

describe(`the demo clinic on ${driver}`, () => {
  it("is a living clinic on the first start and gains nothing on the second", async () => {
    await syncCatalogue(db());
    const first = await seedDemoData(db(), options);
    expect(first?.patientUrl).toMatch(/^http:\/\/localhost:3000\/p\/[A-Za-z0-9_-]{43}$/);
    const after = await counts();
    expect(after).toMatchObject({ clinics: 1, clinicians: 2, patients: 8, email_outbox: 5 });
    expect(after.session_logs).toBeGreaterThan(60);
    // Two or three versions per programme.
    expect(after.programme_versions).toBeGreaterThanOrEqual(2 * 5 + 3);

    // The starter templates from content/templates, as a new clinic gets them.
    const templates = await db().select({ id: programmes.id }).from(programmes).where(eq(programmes.kind, "template"));
    expect(templates.length).toBeGreaterThan(0);
    expect(templates).toHaveLength(loadStarterTemplates().length);

    expect(await seedDemoData(db(), options)).toBeNull();
    expect(await counts()).toEqual(after);
  }, 60_000);

  it("shows a patient flagged for rising pain and one quiet for over a week, and the rest on track", async () => {
    await syncCatalogue(db());
    await seedDemoData(db(), options);
    const clinicId = await firstClinicId();
    const { rows } = await listPatientPage(db(), { clinicId, query: parsePatientListQuery({}) });
    const flags = Object.fromEntries(rows.map((row) => [row.name, attentionForPatient(row, new Date()).reasons]));
    expect(flags["Tom Achebe"]).toEqual(["Pain rising"]);
    expect(flags["Grace Liu"]).toEqual(["Nothing logged for 7+ days"]);
    for (const name of ["Eleanor Whitfield", "Robert Byrne", "Aisha Karim", "Margaret Hughes"]) expect(flags[name], name).toEqual([]);
    const eleanor = rows.find((r) => r.name === "Eleanor Whitfield")!;
    expect(eleanor).toMatchObject({ linkState: "active", programmeTitle: "Lower back: getting stronger" });
    expect(eleanor.sessionsThisWeek).toBeGreaterThanOrEqual(2);
    // Her pain came down over the six weeks.
    expect(eleanor.recent.at(-1)!.pain).toBeLessThanOrEqual(3);
  }, 60_000);
});

async function firstClinicId(): Promise<string> {
  const [row] = await db().select({ id: clinics.id }).from(clinics).limit(1);
  return row!.id;
}

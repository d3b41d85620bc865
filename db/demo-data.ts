import { sql } from "drizzle-orm";
import type { Database } from "./client";
import { clinicians, clinics, patients } from "./schema";
import { hashPassword } from "@/lib/auth/password";
import { DEMO_PATIENTS, seedLivingDemo } from "./demo-clinic";
import { installStarterTemplates } from "./queries/starter-templates";

export const DEMO_LOGIN = { email: "demo@homeplan.local", password: "stretch-every-morning" } as const;

/** Patients who have just been seen: no programme yet, so there is something to build. */
const NEW_PATIENTS = [
  { name: "Margaret Hughes", email: "margaret.hughes@example.com", dateOfBirth: "1952-04-18", notes: "Chronic low back pain, worse after gardening." },
  { name: "Daniel Reyes", email: "daniel.reyes@example.com", dateOfBirth: "1987-09-02", notes: "Desk worker; stiffness after long days sitting." },
  { name: "Priya Natarajan", email: "priya.n@example.com", dateOfBirth: null, notes: "" },
];

/**
 * A demo clinic for a first look at the app: two clinicians, three new patients and
 * five part-way through care (programmes in several versions, six weeks of sessions, a
 * live link each, the link emails in the mailbox). Written only into a database with no
 * clinic at all, in one transaction, so a second start adds nothing and a half-seeded
 * database cannot happen. Returns the first patient's follow-along address, or null when
 * the database already had a clinic.
 */
export async function seedDemoData(db: Database, options: { key: Buffer; appUrl: string; now?: Date }): Promise<{ patientUrl: string } | null> {
  const passwordHash = await hashPassword(DEMO_LOGIN.password);
  return db.transaction(async (tx) => {
    // Serialises concurrent first starts (two instances, or dev and a script).
    await tx.execute(sql`select pg_advisory_xact_lock(7312001)`);
    const existing = await tx.select({ id: clinics.id }).from(clinics).limit(1);
    if (existing.length > 0) return null;
    const [clinic] = await tx
      .insert(clinics)
      .values({
        name: "Riverside Physiotherapy",
        address: "12 Mill Lane, Riverside RS1 4AB",
        phone: "01632 960 123",
        paperSize: "A4",
      })
      .returning({ id: clinics.id });
    if (!clinic) throw new Error("demo clinic was not created");
    const team = await tx
      .insert(clinicians)
      .values([
        { clinicId: clinic.id, email: DEMO_LOGIN.email, name: "Sam Okafor", role: "owner" as const, passwordHash },
        { clinicId: clinic.id, email: "jo@homeplan.local", name: "Jo Lindqvist", role: "clinician" as const, passwordHash },
      ])
      .returning({ id: clinicians.id });
    const [owner, colleague] = team as [{ id: string }, { id: string }];
    await installStarterTemplates(tx, { clinicId: clinic.id, clinicianId: owner.id });
    await tx.insert(patients).values(NEW_PATIENTS.map((p) => ({ ...p, clinicId: clinic.id, createdBy: owner.id })));
    const living = await tx
      .insert(patients)
      .values(
        DEMO_PATIENTS.map((p) => ({
          clinicId: clinic.id,
          name: p.name,
          email: p.email,
          dateOfBirth: p.dateOfBirth,
          notes: p.notes,
          createdBy: p.clinician === 0 ? owner.id : colleague.id,
        })),
      )
      .returning({ id: patients.id });
    const patientUrl = await seedLivingDemo(tx, {
      clinicId: clinic.id,
      clinicianIds: [owner.id, colleague.id],
      patientIds: living.map((p) => p.id),
      key: options.key,
      appUrl: options.appUrl,
      now: options.now ?? new Date(),
    });
    return { patientUrl };
  });
}

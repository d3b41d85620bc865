import type { Database } from "@/db/client";
import { insertClinicWithTeam, insertPatients, lockEmptyDatabase } from "@/db/queries/demo";
import { installStarterTemplates } from "@/db/queries/starter-templates";
import { hashPassword } from "@/lib/auth/password";
import { loadStarterTemplates } from "@/lib/catalogue/templates";
import { DEMO_PATIENTS, seedLivingDemo } from "./clinic";

export const DEMO_LOGIN = { email: "demo@homeplan.local", password: "stretch-every-morning" } as const;

/** Patients who have just been seen: no programme yet, so there is something to build. */
const NEW_PATIENTS = [
  {
    name: "Margaret Hughes",
    email: "margaret.hughes@example.com",
    dateOfBirth: "1952-04-18",
    notes: "Chronic low back pain, worse after gardening.",
  },
  {
    name: "Daniel Reyes",
    email: "daniel.reyes@example.com",
    dateOfBirth: "1987-09-02",
    notes: "Desk worker; stiffness after long days sitting.",
  },
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
export async function seedDemoData(
  db: Database,
  options: { key: Buffer; appUrl: string; now?: Date },
): Promise<{ patientUrl: string } | null> {
  const passwordHash = await hashPassword(DEMO_LOGIN.password);
  return db.transaction(async (tx) => {
    if (!(await lockEmptyDatabase(tx))) return null;
    const { clinicId, clinicianIds } = await insertClinicWithTeam(
      tx,
      { name: "Riverside Physiotherapy", address: "12 Mill Lane, Riverside RS1 4AB", phone: "01632 960 123", paperSize: "A4" },
      [
        { email: DEMO_LOGIN.email, name: "Sam Okafor", role: "owner" as const, passwordHash },
        { email: "jo@homeplan.local", name: "Jo Lindqvist", role: "clinician" as const, passwordHash },
      ],
    );
    const [owner, colleague] = clinicianIds as [string, string];
    await installStarterTemplates(tx, { clinicId, clinicianId: owner }, loadStarterTemplates());
    await insertPatients(
      tx,
      clinicId,
      NEW_PATIENTS.map((p) => ({ ...p, createdBy: owner })),
    );
    const living = await insertPatients(
      tx,
      clinicId,
      DEMO_PATIENTS.map((p) => ({
        name: p.name,
        email: p.email,
        dateOfBirth: p.dateOfBirth,
        notes: p.notes,
        createdBy: p.clinician === 0 ? owner : colleague,
      })),
    );
    const patientUrl = await seedLivingDemo(tx, {
      clinicId,
      clinicianIds: [owner, colleague],
      patientIds: living,
      key: options.key,
      appUrl: options.appUrl,
      now: options.now ?? new Date(),
    });
    return { patientUrl };
  });
}

import { sql } from "drizzle-orm";
import type { Database } from "./client";
import { clinicians, clinics, patients } from "./schema";
import { hashPassword } from "@/lib/auth/password";
import { installStarterTemplates } from "./queries/starter-templates";

export const DEMO_LOGIN = { email: "demo@homeplan.local", password: "stretch-every-morning" } as const;

/**
 * A demo clinic for a first look at the app. Written only into a database with no
 * clinic at all, in one transaction, so a half-seeded database cannot happen.
 */
export async function seedDemoData(db: Database): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_LOGIN.password);
  return db.transaction(async (tx) => {
    // Serialises concurrent first starts (two instances, or dev and a script).
    await tx.execute(sql`select pg_advisory_xact_lock(7312001)`);
    const existing = await tx.select({ id: clinics.id }).from(clinics).limit(1);
    if (existing.length > 0) return false;
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
    const [owner] = await tx
      .insert(clinicians)
      .values({ clinicId: clinic.id, email: DEMO_LOGIN.email, name: "Sam Okafor", role: "owner", passwordHash })
      .returning({ id: clinicians.id });
    await installStarterTemplates(tx, { clinicId: clinic.id, clinicianId: owner!.id });
    await tx.insert(patients).values(
      [
        { name: "Margaret Hughes", email: "margaret.hughes@example.com", dateOfBirth: "1952-04-18", notes: "Chronic low back pain, worse after gardening." },
        { name: "Daniel Reyes", email: "daniel.reyes@example.com", dateOfBirth: "1987-09-02", notes: "Desk worker; stiffness after long days sitting." },
        { name: "Priya Natarajan", email: "priya.n@example.com", dateOfBirth: null, notes: "" },
      ].map((p) => ({ ...p, clinicId: clinic.id, createdBy: owner?.id })),
    );
    return true;
  });
}

import { clinicians, clinics, patients } from "@/db/schema";
import type { Database } from "@/db/client";
import { hashPassword } from "@/lib/auth/password";

let counter = 0;
let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = "correct horse battery staple";

/** A clinic with an owner (and optionally a patient), as tests need them. */
export async function createClinic(db: Database, label = "Clinic") {
  counter += 1;
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const [clinic] = await db
    .insert(clinics)
    .values({ name: `${label} ${counter}` })
    .returning();
  const [owner] = await db
    .insert(clinicians)
    .values({
      clinicId: clinic!.id,
      name: `Owner ${counter}`,
      email: `owner${counter}-${Date.now()}@example.org`,
      passwordHash: await cachedHash,
      role: "owner",
    })
    .returning();
  const [patient] = await db
    .insert(patients)
    .values({ clinicId: clinic!.id, name: `Patient ${counter}`, email: `patient${counter}@example.org` })
    .returning();
  return { clinic: clinic!, owner: owner!, patient: patient! };
}

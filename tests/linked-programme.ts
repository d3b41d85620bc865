import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { issueLink } from "@/lib/links/issue";
import { createProgramme } from "@/db/queries/programmes";
import { exercises } from "@/db/schema";
import { syncCatalogue } from "@/lib/catalogue/sync";
import { createClinic } from "./factories";

export const TEST_DOSE = {
  sets: 3,
  reps: 10,
  holdSeconds: 0,
  restSeconds: 30,
  sides: "none" as const,
  timesPerDay: 1,
  daysPerWeek: 7,
  load: "",
  note: "",
};

/** A clinic whose patient has a programme of one exercise (Bridge) and a live link to it. */
export async function createLinkedProgramme(db: Database, key: Buffer) {
  await syncCatalogue(db);
  const [bridge] = await db
    .select({ id: exercises.id })
    .from(exercises)
    .where(sql`slug = 'bridge'`);
  const { clinic, owner, patient } = await createClinic(db);
  const actor = { clinicId: clinic.id, clinicianId: owner.id };
  const content = {
    title: "Back",
    patientNote: "",
    changeNote: "",
    startDate: null,
    reviewDate: null,
    items: [{ ...TEST_DOSE, exerciseId: bridge!.id }],
  };
  const programmeId = await createProgramme(db, actor, { kind: "programme", patientId: patient.id, content });
  const link = await db.transaction((tx) => issueLink(tx, actor, { programmeId, key }));
  return { clinic, owner, patient, actor, programmeId, token: link.token };
}

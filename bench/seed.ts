/*
 * Seeds one clinic, one patient, an 8-exercise programme (two versions, so the page shows
 * what changed), a few logged sessions and a live link, through the app's own queries.
 * Run as a child of bench/run.ts with the react-server condition (the queries import
 * "server-only"):
 *   DATABASE_URL=... (or PGLITE_DIR=...) AUTH_SECRET=... npx tsx --conditions=react-server bench/seed.ts
 * Prints one line of JSON: { token, clinicId, programmeId, clinicianId }.
 */
import { migrateDatabase, openDatabase } from "@/db/client";
import { createClinicWithOwner, updateClinic } from "@/db/queries/clinics";
import { loadStarterTemplates } from "@/lib/catalogue/templates";
import { issueLink } from "@/lib/links/issue";
import { createPatient } from "@/db/queries/patients";
import { createProgramme, saveProgrammeVersion } from "@/db/queries/programmes";
import { recordSessionLog } from "@/db/queries/sessions";
import { exercises } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { syncCatalogue } from "@/lib/catalogue/sync";
import { linkKey } from "@/lib/links/token";
import type { ProgrammeContent } from "@/lib/validations/programme";

const SLUGS = ["pelvic-tilt", "knee-to-chest", "bridge", "cat-cow", "bird-dog", "childs-pose", "lower-back-rotation", "draw-in"];

export type Seeded = { token: string; clinicId: string; programmeId: string; clinicianId: string };

/** `url` for PostgreSQL, else PGlite in `dataDir`. */
export async function seedPatientPage(target: { url?: string; dataDir?: string }, secret: string): Promise<Seeded> {
  const connection = await openDatabase({ ...target, max: 2 });
  try {
    await migrateDatabase(connection);
    await syncCatalogue(connection.db);
    const { db } = connection;
    const catalogue = await db.select({ id: exercises.id, slug: exercises.slug }).from(exercises);
    const ids = SLUGS.map((slug) => {
      const found = catalogue.find((e) => e.slug === slug);
      if (!found) throw new Error(`the catalogue has no ${slug}`);
      return found.id;
    });
    const owner = await createClinicWithOwner(db, {
      clinicName: "Riverside Physiotherapy",
      name: "Sam Okafor",
      email: `bench-${Date.now()}@homeplan.example`,
      passwordHash: await hashPassword("bench-password-not-used"),
      ip: "127.0.0.1",
      templates: loadStarterTemplates(),
    });
    if (!owner) throw new Error("could not create the bench clinic");
    const actor = { clinicId: owner.clinicId, clinicianId: owner.clinicianId };
    await updateClinic(db, actor, {
      name: "Riverside Physiotherapy",
      address: "12 Mill Lane, Bristol BS1 4XY",
      phone: "0117 496 0123",
      paperSize: "A4",
    });
    const patientId = await createPatient(db, actor, {
      name: "Margaret Hughes",
      email: "margaret@example.org",
      dateOfBirth: null,
      notes: "",
    });
    const content = (version: number): ProgrammeContent => ({
      title: "Settling your lower back",
      patientNote:
        "Do these slowly and within comfort. A little stretch or effort is fine; sharp pain is not. If an exercise makes your pain worse for more than an hour afterwards, leave it out and tell me at your next visit.",
      changeNote: version > 1 ? "Bridges are going well, so a few more; the rotation is now held longer." : "",
      startDate: "2026-11-16",
      reviewDate: "2026-12-14",
      items: ids.map((exerciseId, i) => ({
        exerciseId,
        sets: i % 3 === 0 ? 3 : 2,
        reps: i === 2 && version > 1 ? 12 : 10,
        holdSeconds: i % 2 === 0 ? 5 : 0,
        restSeconds: 30,
        sides: i === 6 ? "each" : "none",
        timesPerDay: i < 2 ? 2 : 1,
        daysPerWeek: 5,
        load: "",
        note: i === 2 ? "Squeeze your bottom at the top and keep your ribs down." : "",
      })),
    });
    const programmeId = await createProgramme(db, actor, { kind: "programme", patientId, content: content(1) });
    await saveProgrammeVersion(db, actor, { programmeId, baseVersion: 1, content: content(2) });
    const link = await db.transaction((tx) => issueLink(tx, actor, { programmeId, key: linkKey(secret) }));
    // The history below predates the link as seeded, so it is logged as through a link issued a month ago.
    const resolved = {
      linkId: link.id,
      clinicId: actor.clinicId,
      patientId,
      programmeId,
      issuedAt: new Date(Date.now() - 30 * 86_400_000),
    };
    for (let day = 1; day <= 4; day += 1) {
      const done = new Date(Date.now() - day * 86_400_000);
      const logged = await recordSessionLog(db, resolved, {
        idempotencyKey: `bench-${day}`,
        programmeId,
        version: 2,
        startedAt: new Date(done.getTime() - 15 * 60_000).toISOString(),
        completedAt: done.toISOString(),
        exercises: ids.map((exerciseId, position) => ({
          position,
          exerciseId,
          setsDone: 2,
          setsPlanned: position % 3 === 0 ? 3 : 2,
          skipped: false,
        })),
        pain: 3 + (day % 3),
        difficulty: "about_right",
        comment: "",
      });
      if ("error" in logged) throw new Error(`bench seed: session log refused (${logged.error})`);
    }
    return { token: link.token, clinicId: actor.clinicId, programmeId, clinicianId: actor.clinicianId };
  } finally {
    await connection.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  const dataDir = process.env.PGLITE_DIR;
  const secret = process.env.AUTH_SECRET;
  if (!(url || dataDir) || !secret) throw new Error("DATABASE_URL or PGLITE_DIR, and AUTH_SECRET, are required");
  console.log(JSON.stringify(await seedPatientPage({ url, dataDir }, secret)));
}

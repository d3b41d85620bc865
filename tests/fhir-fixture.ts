import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { createProgramme, saveProgrammeVersion } from "@/db/queries/programmes";
import { exercises, programmeMessages, sessionLogs, type LoggedExercise } from "@/db/schema";
import { syncCatalogue } from "@/lib/catalogue/sync";
import { createClinic } from "./factories";

const SLUGS = ["bridge", "pelvic-tilt", "cat-cow", "bird-dog"];
const DIFFICULTIES = ["too_easy", "about_right", "too_hard", null] as const;

/**
 * A patient with a programme saved twice (3 exercises, then 4 with new doses) and 10
 * logged sessions across both versions, with pain, difficulty, comments and skips.
 */
export async function seedFhirPatient(db: Database, label = "Clinic") {
  await syncCatalogue(db);
  const rows = await db
    .select({ id: exercises.id, slug: exercises.slug })
    .from(exercises)
    .where(sql`slug in ${SLUGS} and clinic_id is null`);
  const idOf = (slug: string) => rows.find((r) => r.slug === slug)!.id;
  const { clinic, owner, patient } = await createClinic(db, label);
  const actor = { clinicId: clinic.id, clinicianId: owner.id };
  const item = (
    slug: string,
    sets: number,
    reps: number,
    more: Partial<{ holdSeconds: number; timesPerDay: number; daysPerWeek: number; load: string; note: string }> = {},
  ) => ({
    exerciseId: idOf(slug),
    sets,
    reps,
    holdSeconds: 0,
    restSeconds: 30,
    sides: "none" as const,
    timesPerDay: 1,
    daysPerWeek: 7,
    load: "",
    note: "",
    ...more,
  });
  const v1 = [item("bridge", 2, 10), item("pelvic-tilt", 1, 12, { holdSeconds: 5 }), item("cat-cow", 2, 8, { timesPerDay: 2 })];
  const v2 = [
    item("bridge", 3, 12, { daysPerWeek: 5 }),
    item("pelvic-tilt", 2, 15, { holdSeconds: 10 }),
    item("cat-cow", 2, 8, { timesPerDay: 2 }),
    item("bird-dog", 3, 6, { note: "Keep the back flat." }),
  ];
  const programmeId = await createProgramme(db, actor, {
    kind: "programme",
    patientId: patient.id,
    content: {
      title: "Low back, first steps",
      patientNote: "Stop if the pain spreads down a leg.",
      changeNote: "",
      startDate: "2026-01-05",
      reviewDate: "2026-02-02",
      items: v1,
    },
  });
  await saveProgrammeVersion(db, actor, {
    programmeId,
    baseVersion: 1,
    content: {
      title: "Low back, building up",
      patientNote: "Well done so far.",
      changeNote: "More sets and a new exercise.",
      startDate: "2026-02-02",
      reviewDate: "2026-03-02",
      items: v2,
    },
  });
  const logs = [];
  for (let i = 0; i < 10; i += 1) {
    const version = i < 5 ? 1 : 2;
    const items = version === 1 ? v1 : v2;
    const loggedExercises: LoggedExercise[] = items.map((it, position) => ({
      position,
      exerciseId: it.exerciseId,
      setsPlanned: it.sets,
      setsDone: position === i % items.length ? 0 : it.sets - (i % 2),
      skipped: position === i % items.length,
    }));
    const completedAt = new Date(Date.UTC(2026, 0, 6 + i * 3, 18, 30));
    const [log] = await db
      .insert(sessionLogs)
      .values({
        clinicId: clinic.id,
        patientId: patient.id,
        programmeId,
        version,
        idempotencyKey: `fhir-session-${label}-${i}-aaaaaaaa`,
        startedAt: new Date(completedAt.getTime() - 20 * 60_000),
        completedAt,
        exercises: loggedExercises,
        pain: i === 9 ? null : (i * 3) % 11,
        difficulty: DIFFICULTIES[i % 4]!,
        comment: i % 3 === 0 ? `Session ${i}: felt the stretch` : "",
      })
      .returning();
    logs.push(log!);
  }
  // A reply to the first session's comment, and the patient's answer.
  await db.insert(programmeMessages).values([
    {
      clinicId: clinic.id,
      programmeId,
      patientId: patient.id,
      author: "clinician",
      clinicianId: owner.id,
      sessionLogId: logs[0]!.id,
      body: "Good: the stretch is the point.",
      idempotencyKey: `fhir-reply-${label}`,
      createdAt: new Date(Date.UTC(2026, 0, 7, 9)),
    },
    {
      clinicId: clinic.id,
      programmeId,
      patientId: patient.id,
      author: "patient",
      body: "Thanks!",
      idempotencyKey: `fhir-answer-${label}`,
      createdAt: new Date(Date.UTC(2026, 0, 7, 12)),
    },
  ]);
  return { clinic, owner, patient, programmeId, versions: { 1: v1, 2: v2 }, logs, idOf };
}

import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { exercises, programmeVersions } from "@/db/schema";
import { createCustomExercise } from "@/lib/catalogue/custom-exercise";
import { createProgramme, getProgrammeVersion, listVersionPage, ProgrammeConflict, saveProgrammeVersion } from "@/db/queries/programmes";
import { syncCatalogue } from "@/lib/catalogue/sync";
import type { ProgrammeContent } from "@/lib/validations/programme";
import { customExerciseSchema } from "@/lib/validations/exercise";
import { countRows, driver, setupTestDatabase } from "../db";
import { createClinic } from "../factories";
import { TEST_DOSE as dose } from "../linked-programme";

const { db } = setupTestDatabase();

async function catalogueIds() {
  await syncCatalogue(db());
  const rows = await db().select({ id: exercises.id, slug: exercises.slug }).from(exercises).orderBy(exercises.slug);
  return Object.fromEntries(rows.map((r) => [r.slug, r.id])) as Record<string, string>;
}

const content = (ids: string[], title = "Back basics"): ProgrammeContent => ({
  title,
  patientNote: "",
  changeNote: "",
  startDate: null,
  reviewDate: null,
  items: ids.map((exerciseId) => ({ ...dose, exerciseId })),
});

describe(`programme versions on ${driver}`, () => {
  it("keeps every version readable and shows the newest", async () => {
    const ids = await catalogueIds();
    const { clinic, owner, patient } = await createClinic(db());
    const actor = { clinicId: clinic.id, clinicianId: owner.id };
    const id = await createProgramme(db(), actor, {
      kind: "programme",
      patientId: patient.id,
      content: content([ids.bridge!, ids["pelvic-tilt"]!]),
    });
    const v2 = await saveProgrammeVersion(db(), actor, {
      programmeId: id,
      baseVersion: 1,
      content: content([ids.bridge!, ids["bird-dog"]!], "Week 2"),
    });
    expect(v2).toBe(2);
    const current = await getProgrammeVersion(db(), { id, clinicId: clinic.id });
    expect(current?.version.title).toBe("Week 2");
    expect(current?.items.map((i) => i.slug)).toEqual(["bridge", "bird-dog"]);
    const first = await getProgrammeVersion(db(), { id, clinicId: clinic.id, version: 1 });
    expect(first?.items.map((i) => i.slug)).toEqual(["bridge", "pelvic-tilt"]);
    expect((await listVersionPage(db(), { id, clinicId: clinic.id })).rows.map((v) => v.version)).toEqual([2, 1]);
  });

  it("100 pairs of saves from the same base: 100 successes, 100 conflicts, no lost edit", async () => {
    const ids = await catalogueIds();
    const { clinic, owner, patient } = await createClinic(db());
    const actor = { clinicId: clinic.id, clinicianId: owner.id };
    const id = await createProgramme(db(), actor, { kind: "programme", patientId: patient.id, content: content([ids.bridge!]) });
    let successes = 0;
    let conflicts = 0;
    for (let base = 1; base <= 100; base++) {
      const results = await Promise.allSettled([
        saveProgrammeVersion(db(), actor, { programmeId: id, baseVersion: base, content: content([ids.bridge!], `A${base}`) }),
        saveProgrammeVersion(db(), actor, { programmeId: id, baseVersion: base, content: content([ids["bird-dog"]!], `B${base}`) }),
      ]);
      for (const r of results) {
        if (r.status === "fulfilled") successes++;
        else if (r.reason instanceof ProgrammeConflict && r.reason.currentVersion === base + 1) conflicts++;
        else throw r.reason;
      }
    }
    expect({ successes, conflicts }).toEqual({ successes: 100, conflicts: 100 });
    // Every accepted save is a version of its own; none was overwritten.
    const versions = await db()
      .select({ v: programmeVersions.version, title: programmeVersions.title })
      .from(programmeVersions)
      .where(eq(programmeVersions.programmeId, id));
    expect(versions).toHaveLength(101);
    expect(new Set(versions.map((v) => v.v)).size).toBe(101);
    expect(await countRows(db(), "programme_items")).toBe(101);
  });

  it("a failure part-way through a save leaves no partial version", async () => {
    const ids = await catalogueIds();
    const { clinic, owner, patient } = await createClinic(db());
    const actor = { clinicId: clinic.id, clinicianId: owner.id };
    const id = await createProgramme(db(), actor, { kind: "programme", patientId: patient.id, content: content([ids.bridge!]) });
    const before = {
      versions: await countRows(db(), "programme_versions"),
      items: await countRows(db(), "programme_items"),
      audit: await countRows(db(), "audit_events"),
    };
    // The third item breaks a database check after the version row and two items are written.
    const bad = content([ids.bridge!, ids["bird-dog"]!, ids["cat-cow"]!]);
    bad.items[2]!.sets = 99;
    for (let i = 0; i < 5; i++) {
      await expect(saveProgrammeVersion(db(), actor, { programmeId: id, baseVersion: 1, content: bad })).rejects.toThrow();
    }
    expect({
      versions: await countRows(db(), "programme_versions"),
      items: await countRows(db(), "programme_items"),
      audit: await countRows(db(), "audit_events"),
    }).toEqual(before);
    expect((await getProgrammeVersion(db(), { id, clinicId: clinic.id }))?.version.version).toBe(1);
  });

  it("refuses another clinic's programme, patient and custom exercise", async () => {
    const ids = await catalogueIds();
    const a = await createClinic(db(), "A");
    const b = await createClinic(db(), "B");
    const actorA = { clinicId: a.clinic.id, clinicianId: a.owner.id };
    const actorB = { clinicId: b.clinic.id, clinicianId: b.owner.id };
    const id = await createProgramme(db(), actorA, { kind: "programme", patientId: a.patient.id, content: content([ids.bridge!]) });
    expect(await getProgrammeVersion(db(), { id, clinicId: b.clinic.id })).toBeUndefined();
    await expect(
      saveProgrammeVersion(db(), actorB, { programmeId: id, baseVersion: 1, content: content([ids.bridge!]) }),
    ).rejects.toThrow();
    await expect(
      createProgramme(db(), actorB, { kind: "programme", patientId: a.patient.id, content: content([ids.bridge!]) }),
    ).rejects.toThrow();
    const secret = await createCustomExercise(
      db(),
      actorA,
      customExerciseSchema.parse({
        name: "Clinic A secret",
        purpose: "Only for clinic A.",
        category: "strengthen",
        bodyRegion: "hips",
        position: "standing",
        equipment: "none",
        targetMuscles: "quads",
        steps: "One.\nTwo.",
        sets: "1",
        reps: "1",
        holdSeconds: "0",
        restSeconds: "0",
        sides: "none",
        timesPerDay: "1",
        daysPerWeek: "1",
      }),
    );
    const programmesBefore = await countRows(db(), "programmes");
    await expect(createProgramme(db(), actorB, { kind: "template", content: content([secret]) })).rejects.toThrow();
    expect(await countRows(db(), "programmes")).toBe(programmesBefore);
    const [still] = await db()
      .select()
      .from(programmeVersions)
      .where(and(eq(programmeVersions.programmeId, id)));
    expect(still?.version).toBe(1);
  });
});

describe(`saved versions on ${driver}`, () => {
  it("keep the exercise as it was when saved, even after the exercise is edited", async () => {
    const { updateCustomExercise } = await import("@/lib/catalogue/custom-exercise");
    await catalogueIds();
    const { clinic, owner, patient } = await createClinic(db());
    const actor = { clinicId: clinic.id, clinicianId: owner.id };
    const form = {
      name: "Wall press",
      purpose: "Pushes against a wall.",
      category: "strengthen",
      bodyRegion: "hips",
      position: "standing",
      equipment: "none",
      targetMuscles: "quads",
      steps: "Stand facing a wall.\nPush gently.",
      sets: "1",
      reps: "5",
      holdSeconds: "0",
      restSeconds: "0",
      sides: "none",
      timesPerDay: "1",
      daysPerWeek: "5",
    };
    const exerciseId = await createCustomExercise(db(), actor, customExerciseSchema.parse(form));
    const id = await createProgramme(db(), actor, { kind: "programme", patientId: patient.id, content: content([exerciseId]) });
    await updateCustomExercise(
      db(),
      { id: exerciseId, ...actor },
      customExerciseSchema.parse({ ...form, name: "Wall press (new)", steps: "Something else.\nEntirely." }),
    );
    const saved = await getProgrammeVersion(db(), { id, clinicId: clinic.id });
    expect(saved?.items[0]).toMatchObject({ name: "Wall press", steps: ["Stand facing a wall.", "Push gently."] });
    await saveProgrammeVersion(db(), actor, { programmeId: id, baseVersion: 1, content: content([exerciseId]) });
    const next = await getProgrammeVersion(db(), { id, clinicId: clinic.id });
    expect(next?.items[0]?.name).toBe("Wall press (new)");
    expect((await getProgrammeVersion(db(), { id, clinicId: clinic.id, version: 1 }))?.items[0]?.name).toBe("Wall press");
  });
});

import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { exercises, type NewExercise } from "@/db/schema";
import { getExercise, searchExercises } from "@/db/queries/exercises";
import { createCustomExercise } from "@/lib/catalogue/custom-exercise";
import { buildSearchDetail, buildSearchText } from "@/lib/catalogue/search-text";
import { syncCatalogue } from "@/lib/catalogue/sync";
import { customExerciseSchema } from "@/lib/validations/exercise";
import { countRows, driver, setupTestDatabase } from "../db";
import { createClinic } from "../factories";

const { db } = setupTestDatabase();
const CONTENT = path.join(process.cwd(), "content", "exercises");

function copyOfContent() {
  const dir = mkdtempSync(path.join(tmpdir(), "homeplan-content-"));
  cpSync(CONTENT, dir, { recursive: true });
  return dir;
}

async function names(q: string, clinicId: string, extra: Record<string, string> = {}) {
  return (await searchExercises(db(), { clinicId, filters: { q, ...extra } })).map((e) => e.name);
}

describe(`catalogue sync on ${driver}`, () => {
  it("is idempotent: a second run leaves the same rows", async () => {
    await syncCatalogue(db());
    const first = await db()
      .select({ id: exercises.id, slug: exercises.slug, steps: exercises.steps })
      .from(exercises)
      .orderBy(exercises.slug);
    const result = await syncCatalogue(db());
    const second = await db()
      .select({ id: exercises.id, slug: exercises.slug, steps: exercises.steps })
      .from(exercises)
      .orderBy(exercises.slug);
    expect(first.length).toBeGreaterThanOrEqual(13);
    expect(second).toEqual(first);
    expect(result.retired).toBe(0);
  });

  it("rejects a bad file naming file, field and reason, and writes nothing", async () => {
    const dir = copyOfContent();
    try {
      writeFileSync(path.join(dir, "broken.yaml"), "name: Broken\ncategory: jumping\n");
      await expect(syncCatalogue(db(), dir)).rejects.toThrow(/broken\.yaml.*category/s);
      expect(await countRows(db(), "exercises")).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("retires an exercise whose file is removed, and keeps it readable", async () => {
    await syncCatalogue(db());
    const [bridge] = await db().select().from(exercises).where(eq(exercises.slug, "bridge"));
    const dir = copyOfContent();
    try {
      rmSync(path.join(dir, "bridge.yaml"));
      const result = await syncCatalogue(db(), dir);
      expect(result.retired).toBe(1);
      const { clinic } = await createClinic(db());
      expect(await names("bridge", clinic.id)).not.toContain("Bridge");
      expect((await getExercise(db(), { id: bridge!.id, clinicId: clinic.id }))?.retiredAt).toBeTruthy();
      await syncCatalogue(db());
      expect(await names("bridge", clinic.id)).toContain("Bridge");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe(`catalogue search on ${driver}`, () => {
  it("finds exercises by name, typo, alias, everyday words and equipment", async () => {
    await syncCatalogue(db());
    const { clinic } = await createClinic(db());
    expect((await names("bridge", clinic.id))[0]).toBe("Bridge");
    expect((await names("brid", clinic.id))[0]).toBe("Bridge");
    expect((await names("brigde", clinic.id))[0]).toBe("Bridge");
    expect(await names("camel", clinic.id)).toContain("Cat–cow");
    expect((await names("cat stretch", clinic.id))[0]).toBe("Cat–cow");
    expect((await names("lying on front", clinic.id))[0]).toBe("Superman");
    const prone = await names("prone", clinic.id);
    expect(prone).toContain("Superman");
    const noKit = await names("no equipment", clinic.id);
    expect(noKit).toContain("Bridge");
    expect(noKit).not.toContain("Seated lower-back rotation");
    expect(await names("zzzzqqq", clinic.id)).toEqual([]);
  });

  it("narrows by filters and treats query syntax as plain text", async () => {
    await syncCatalogue(db());
    const { clinic } = await createClinic(db());
    const quadruped = await searchExercises(db(), { clinicId: clinic.id, filters: { position: "quadruped" } });
    expect(quadruped.map((e) => e.name).sort()).toEqual(["Bird-dog", "Cat–cow"]);
    const stretches = await searchExercises(db(), { clinicId: clinic.id, filters: { category: "stretch", position: "supine" } });
    expect(stretches.length).toBeGreaterThan(0);
    expect(stretches.every((e) => e.category === "stretch" && e.position === "supine")).toBe(true);
    for (const hostile of ["'; drop table exercises; --", "a & | ! ( ) :*", "<script>", "%_\\"]) {
      await expect(names(hostile, clinic.id)).resolves.toBeInstanceOf(Array);
    }
    expect(await countRows(db(), "exercises")).toBeGreaterThanOrEqual(13);
  });

  it("keeps a clinic's custom exercises inside that clinic", async () => {
    await syncCatalogue(db());
    const a = await createClinic(db(), "A");
    const b = await createClinic(db(), "B");
    const input = customExerciseSchema.parse({
      name: "Wall slide",
      purpose: "Strengthens the thighs against a wall.",
      category: "strengthen",
      bodyRegion: "hips",
      position: "standing",
      equipment: "none",
      targetMuscles: "quadriceps",
      steps: "Stand with your back to a wall.\nSlide down a little and back up.",
      sets: "2",
      reps: "10",
      holdSeconds: "0",
      restSeconds: "30",
      sides: "none",
      timesPerDay: "1",
      daysPerWeek: "5",
    });
    const id = await createCustomExercise(db(), { clinicId: a.clinic.id, clinicianId: a.owner.id }, input);
    expect(await names("wall slide", a.clinic.id)).toContain("Wall slide");
    expect(await names("wall slide", b.clinic.id)).not.toContain("Wall slide");
    expect(await getExercise(db(), { id, clinicId: b.clinic.id })).toBeUndefined();
    expect(await getExercise(db(), { id, clinicId: a.clinic.id })).toMatchObject({ name: "Wall slide", clinicId: a.clinic.id });
  });
});

describe(`catalogue search precision on ${driver}`, () => {
  it("does not pad an everyday-words search with every exercise that shares one word", async () => {
    await syncCatalogue(db());
    const { clinic } = await createClinic(db());
    const results = await names("lying on front", clinic.id);
    expect(results).not.toContain("Bridge");
    expect(results).not.toContain("Side-lying leg lift");
    expect((await names("camle", clinic.id))[0]).toBe("Cat–cow");
  });

  it("lists a name with the words first, then aliases and tags by name, then muscles and purpose, however many match", async () => {
    await syncCatalogue(db());
    const { clinic } = await createClinic(db());
    const row = (name: string, extra: { tags?: string[]; targetMuscles?: string[] }): NewExercise => {
      const e = {
        aliases: [],
        tags: [],
        targetMuscles: [],
        purpose: "Practice.",
        category: "strengthen" as const,
        position: "standing" as const,
        bodyRegion: "hips",
        equipment: ["none"],
        ...extra,
      };
      return {
        ...e,
        clinicId: clinic.id,
        slug: name.toLowerCase().replaceAll(" ", "-"),
        name,
        steps: ["Move."],
        defaultDosage: { sets: 1, reps: 1, holdSeconds: 0, restSeconds: 0, sides: "none", timesPerDay: 1, daysPerWeek: 1 },
        searchText: buildSearchText(e),
        searchDetail: buildSearchDetail(e),
      };
    };
    const pad = (i: number) => String(i).padStart(3, "0");
    await db()
      .insert(exercises)
      .values([
        // Named first alphabetically, so a search by name order alone would show these first.
        ...Array.from({ length: 100 }, (_, i) => row(`Aa drill ${pad(i)}`, { targetMuscles: ["gluteus medius"] })),
        ...Array.from({ length: 100 }, (_, i) => row(`Ab hold ${pad(i)}`, { tags: ["glute"] })),
        row("Zz glute squeeze", {}),
      ]);
    const results = await names("glute", clinic.id);
    expect(results).toHaveLength(60);
    expect(results[0]).toBe("Zz glute squeeze");
    // Then the alias and tag matches (the catalogue's Bridge is one: "Glute bridge"), by name.
    expect(results.slice(1)).toEqual([...results.slice(1)].sort((a, b) => a.localeCompare(b)));
    expect(results.slice(1).every((n) => n.startsWith("Ab hold"))).toBe(true);
    expect(results.some((n) => n.startsWith("Aa drill"))).toBe(false);
    // Muscles and purpose fill the page only when names, aliases and tags do not.
    const detail = await names("medius", clinic.id);
    expect(detail).toHaveLength(60);
    expect(detail.every((n) => n.startsWith("Aa drill"))).toBe(true);
  });

  it("puts a name starting with what was typed first, and corrects a typo against the catalogue's words", async () => {
    await syncCatalogue(db());
    const { clinic } = await createClinic(db());
    expect((await names("bridge", clinic.id))[0]).toBe("Bridge");
    // The search's own SQL gives the same card as the listing.
    const [found] = await searchExercises(db(), { clinicId: clinic.id, filters: { q: "bridge" } });
    const [listed] = await searchExercises(db(), { clinicId: clinic.id, filters: { category: "strengthen", position: "supine" } });
    expect(found).toEqual(listed);
    expect(found).toMatchObject({ clinicId: null, equipment: ["none"], bodyRegion: "hips", defaultDosage: { sets: expect.any(Number) } });
    expect((await names("glute brigde", clinic.id))[0]).toBe("Bridge");
    expect(await names("rotaton", clinic.id)).toContain("Seated lower-back rotation");
  });
});

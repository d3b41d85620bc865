// Catalogue search at 10,000 exercises on the local PostgreSQL: p50 and p95 of 1,000 mixed queries.
import { migrateDatabase, openDatabase } from "@/db/client";
import { clinics, exercises, type NewExercise } from "@/db/schema";
import { searchExercises } from "@/db/queries/exercises";
import { buildSearchDetail, buildSearchText } from "@/lib/catalogue/search-text";
import { syncCatalogue } from "@/lib/catalogue/sync";
import { freshDatabase, summarise } from "./util";

const WORDS = ["bridge", "curl", "twist", "tilt", "stretch", "lift", "raise", "hold", "rotation", "press", "reach", "slide", "plank", "squat", "lunge", "march", "hinge", "roll", "kick", "crunch"];
const MODS = ["single-leg", "banded", "slow", "wide", "narrow", "assisted", "weighted", "alternating", "supported", "reverse", "isometric", "dynamic", "seated", "standing", "kneeling", "prone", "supine"];
const POSITIONS = ["supine", "prone", "side-lying", "quadruped", "seated", "kneeling", "standing"] as const;
const CATEGORIES = ["stretch", "strengthen", "stabilise", "mobilise"] as const;
const MUSCLES = ["gluteus maximus", "hamstrings", "erector spinae", "transversus abdominis", "obliques", "hip flexors", "quadriceps", "multifidus"];

function rng(seed: number) {
  return () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

function generate(count: number): NewExercise[] {
  const r = rng(42);
  const pick = <T,>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const name = `${pick(MODS)} ${pick(WORDS)} ${pick(WORDS)} ${i}`;
    const e = {
      aliases: [`${pick(MODS)} ${pick(WORDS)}`],
      tags: [pick(MODS), pick(WORDS)],
      targetMuscles: [pick(MUSCLES), pick(MUSCLES)],
      purpose: `Generated exercise that trains the ${pick(MUSCLES)} with a ${pick(WORDS)}.`,
      category: pick(CATEGORIES),
      position: pick(POSITIONS),
      bodyRegion: "lower back",
      equipment: [r() < 0.5 ? "none" : "mat"],
    };
    return {
      ...e,
      clinicId: null,
      slug: `generated-${i}`,
      name,
      steps: ["Start.", "Move.", "Return."],
      defaultDosage: { sets: 3, reps: 10, holdSeconds: 0, restSeconds: 30, sides: "none" as const, timesPerDay: 1, daysPerWeek: 5 },
      searchText: buildSearchText(e),
      searchDetail: buildSearchDetail(e),
    };
  });
}

const QUERIES: { q?: string; position?: string; category?: string; equipment?: string }[] = [
  { q: "bridge" }, { q: "bri" }, { q: "brigde" }, { q: "camel" }, { q: "lying on front" }, { q: "no equipment" }, { q: "cat stretch" },
  { q: "knee to chest" }, { q: "twist" }, { q: "single-leg bridge" }, { q: "hamstrings" }, { q: "stabilise core" }, { q: "rotaton" },
  { position: "quadruped" }, { category: "stretch", position: "supine" }, { q: "curl", category: "strengthen" }, { q: "" }, { q: "pelvic tilt" },
  { q: "glute" }, { q: "slow plank", equipment: "mat" },
];

export async function runCatalogueSearchBench() {
  const database = await freshDatabase("search");
  const connection = await openDatabase({ url: database.url, max: 4 });
  try {
    await migrateDatabase(connection);
    await syncCatalogue(connection.db);
    const [clinic] = await connection.db.insert(clinics).values({ name: "Bench clinic" }).returning();
    const rows = generate(10_000);
    for (let i = 0; i < rows.length; i += 1000) await connection.db.insert(exercises).values(rows.slice(i, i + 1000));
    await connection.db.execute(/* sql */ (await import("drizzle-orm")).sql`analyze exercises`);
    const run = (i: number) => searchExercises(connection.db, { clinicId: clinic!.id, filters: QUERIES[i % QUERIES.length]! });
    for (let i = 0; i < 100; i++) await run(i); // warm-up
    const samples: number[] = [];
    const byQuery = QUERIES.map(() => [] as number[]);
    for (let i = 0; i < 1000; i++) {
      const t = performance.now();
      await run(i);
      const took = performance.now() - t;
      samples.push(took);
      byQuery[i % QUERIES.length]!.push(took);
    }
    const slowest = QUERIES.map((filters, i) => ({ filters, p50: summarise(byQuery[i]!).p50 }))
      .sort((a, b) => b.p50 - a.p50)
      .slice(0, 5);
    return { exercises: 10_000 + 13, queries: 1000, ...summarise(samples), slowest };
  } finally {
    await connection.close();
    if (!process.env.BENCH_KEEP) await database.drop(); else console.log(database.url);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runCatalogueSearchBench();
  console.log(`catalogue search over ${r.exercises} exercises, ${r.queries} queries: p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms`);
}

// Catalogue search at 10,000 exercises on the local PostgreSQL: p50 and p95 of 1,000 mixed queries.
import { sql } from "drizzle-orm";
import { migrateDatabase, openDatabase, type Connection } from "@/db/client";
import { clinics, exercises, type NewExercise } from "@/db/schema";
import { searchExercises } from "@/db/queries/exercises";
import { buildSearchDetail, buildSearchText } from "@/lib/catalogue/search-text";
import { syncCatalogue } from "@/lib/catalogue/sync";
import { catalogueNames, NAME_WORDS, rng } from "./catalogue-names";
import { freshDatabase, summarise } from "./util";

const POSITIONS = ["supine", "prone", "side-lying", "quadruped", "seated", "kneeling", "standing"] as const;
const CATEGORIES = ["stretch", "strengthen", "stabilise", "mobilise"] as const;
const MUSCLES = [
  "gluteus maximus",
  "hamstrings",
  "erector spinae",
  "transversus abdominis",
  "obliques",
  "hip flexors",
  "quadriceps",
  "multifidus",
  "rotator cuff",
  "deltoid",
  "gastrocnemius",
  "tibialis anterior",
];

/** Exercises named like a real catalogue (bench/catalogue-names.ts), with aliases and tags from their own words. */
function generate(count: number): NewExercise[] {
  const r = rng(7);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const { PARTS, MOVES } = NAME_WORDS;
  return catalogueNames(count).map((name, i) => {
    const part = PARTS.find((p) => name.toLowerCase().includes(p)) ?? pick(PARTS);
    const move = MOVES.find((m) => name.toLowerCase().includes(` ${m}`)) ?? pick(MOVES);
    const e = {
      aliases: [`${part} ${move}`],
      tags: [move, part],
      targetMuscles: [pick(MUSCLES), pick(MUSCLES)],
      purpose: `Trains the ${pick(MUSCLES)} through ${pick(MOVES)} and ${pick(MOVES)}.`,
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

export const QUERIES: { q?: string; position?: string; category?: string; equipment?: string }[] = [
  { q: "bridge" },
  { q: "bri" },
  { q: "brigde" },
  { q: "camel" },
  { q: "lying on front" },
  { q: "no equipment" },
  { q: "cat stretch" },
  { q: "knee to chest" },
  { q: "twist" },
  { q: "single-leg bridge" },
  { q: "hamstrings" },
  { q: "stabilise core" },
  { q: "rotaton" },
  { position: "quadruped" },
  { category: "stretch", position: "supine" },
  { q: "curl", category: "strengthen" },
  { q: "" },
  { q: "pelvic tilt" },
  { q: "glute" },
  { q: "slow plank", equipment: "mat" },
];

/** The real catalogue, 10,000 generated exercises and a clinic, in a migrated database; the planner's statistics gathered. */
export async function seedCatalogue(connection: Connection, { migrate = true } = {}) {
  if (migrate) await migrateDatabase(connection);
  await syncCatalogue(connection.db);
  const [clinic] = await connection.db.insert(clinics).values({ name: "Bench clinic" }).returning();
  const rows = generate(10_000);
  for (let i = 0; i < rows.length; i += 1000) await connection.db.insert(exercises).values(rows.slice(i, i + 1000));
  await connection.db.execute(sql`analyze`);
  return clinic!;
}

export type SearchRound = { p50: number; p95: number; p99: number; mean: number };

/**
 * 1,000 mixed queries after 100 to warm up, `rounds` times over, on PostgreSQL (postgres.js)
 * or the embedded PGlite: the figures of each round, and the slowest queries over all.
 */
export async function runCatalogueSearchBench(options: { driver?: "postgres" | "pglite"; rounds?: number } = {}) {
  const driver = options.driver ?? "postgres";
  const database = driver === "postgres" ? await freshDatabase("search") : null;
  const connection = await openDatabase({ url: database?.url, max: 4 });
  try {
    const clinic = await seedCatalogue(connection);
    const run = (i: number) => searchExercises(connection.db, { clinicId: clinic.id, filters: QUERIES[i % QUERIES.length]! });
    for (let i = 0; i < 100; i++) await run(i); // warm-up
    const byQuery = QUERIES.map(() => [] as number[]);
    const rounds: SearchRound[] = [];
    for (let round = 0; round < (options.rounds ?? 3); round += 1) {
      const samples: number[] = [];
      for (let i = 0; i < 1000; i++) {
        const t = performance.now();
        await run(i);
        const took = performance.now() - t;
        samples.push(took);
        byQuery[i % QUERIES.length]!.push(took);
      }
      const { p50, p95, p99, mean } = summarise(samples);
      rounds.push({ p50, p95, p99, mean });
    }
    const slowest = QUERIES.map((filters, i) => ({ filters, p50: summarise(byQuery[i]!).p50 }))
      .sort((a, b) => b.p50 - a.p50)
      .slice(0, 5);
    return { driver, exercises: 10_000 + 13, queries: 1000, rounds, slowest };
  } finally {
    await connection.close();
    if (database) {
      if (!process.env.BENCH_KEEP) await database.drop();
      else console.log(database.url);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runCatalogueSearchBench({
    driver: process.argv[2] === "pglite" ? "pglite" : "postgres",
    rounds: Number(process.argv[3] ?? 3),
  });
  for (const round of r.rounds)
    console.log(`${r.driver}: p50 ${round.p50.toFixed(2)} ms, p95 ${round.p95.toFixed(2)} ms, p99 ${round.p99.toFixed(2)} ms`);
  console.log("slowest", JSON.stringify(r.slowest));
}

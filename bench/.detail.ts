import { migrateDatabase, openDatabase } from "@/db/client";
import { searchExercises } from "@/db/queries/exercises";
const url = process.argv[2]!;
const c = await openDatabase({ url });
const { rows } = { rows: await c.db.execute((await import("drizzle-orm")).sql`select id from clinics limit 1`) } as any;
const clinicId = (rows[0] ?? rows.rows?.[0]).id;
for (const f of [{ q: "bridge" }, { q: "bri" }, { q: "brigde" }, { q: "camel" }, { q: "lying on front" }, { q: "no equipment" }, { q: "twist" }, { q: "hamstrings" }, { q: "rotaton" }, { position: "quadruped" }, { q: "" }, { q: "glute" }, {q:"slow plank", equipment:"mat"}]) {
  const t: number[] = [];
  for (let i = 0; i < 20; i++) { const s = performance.now(); await searchExercises(c.db, { clinicId, filters: f }); t.push(performance.now() - s); }
  t.sort((a, b) => a - b);
  console.log(JSON.stringify(f), t[10]!.toFixed(1));
}
await c.close();

/*
 * The clinician pages at clinic scale, against a small clinic in the same run:
 *   DATABASE_URL=postgres://… npm run bench:scale
 * (after `next build`). Seeds a 5,000-patient clinic (5,000 programmes, 200,000 logs over
 * two years) and a 3-patient clinic with set-based SQL, starts `next start`, signs in as
 * each clinic's owner in Chromium and times each page (median of 15 requests, one at a
 * time) and its HTML bytes. Prints a Markdown table. Writes screenshots to bench/.out.
 */
import { chromium, type APIRequestContext } from "@playwright/test";
import { sql } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { migrateDatabase, openDatabase, rowsOf } from "@/db/client";
import { createClinicWithOwner } from "@/db/queries/clinics";
import { hashPassword } from "@/lib/auth/password";
import { loadStarterTemplates } from "@/lib/catalogue/templates";
import { seedScaleClinic } from "./scale-seed";
import { OUT_DIR, startServer } from "./server";

const url = process.env.DATABASE_URL;
if (!url) throw new Error("set DATABASE_URL to a PostgreSQL database the bench may fill");
const PASSWORD = "bench-scale-password";
const RUNS = 15;

async function seedClinic(db: Awaited<ReturnType<typeof openDatabase>>["db"], label: string, patients: number) {
  const email = `scale-${label}-${Date.now()}@homeplan.example`;
  const owner = await createClinicWithOwner(db, {
    clinicName: `${label} clinic`,
    name: "Sam Okafor",
    email,
    passwordHash: await hashPassword(PASSWORD),
    ip: "127.0.0.1",
    templates: loadStarterTemplates(),
  });
  if (!owner) throw new Error("could not create the clinic");
  await seedScaleClinic(db, { clinicId: owner.clinicId, patients, logsPerPatient: 40 });
  const [first] = rowsOf<{ patient: string; programme: string }>(
    await db.execute(
      sql`select patient_id as patient, id as programme from programmes where clinic_id = ${owner.clinicId} and kind = 'programme' order by updated_at limit 1`,
    ),
  );
  return { email, patient: first!.patient, programme: first!.programme };
}

async function time(request: APIRequestContext, base: string, page: string) {
  const times: number[] = [];
  let bytes = 0;
  await request.get(base + page); // warm
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    const response = await request.get(base + page, { maxRedirects: 0 });
    const body = await response.body();
    times.push(performance.now() - started);
    if (response.status() !== 200) throw new Error(`${page} answered ${response.status()}`);
    bytes = body.length;
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, bytes };
}

const connection = await openDatabase({ url, max: 2 });
await migrateDatabase(connection);
const started = Date.now();
const big = await seedClinic(connection.db, "Large", 5_000);
const small = await seedClinic(connection.db, "Small", 3);
await connection.db.execute(sql`vacuum analyze`);
console.error(`[scale] seeded in ${Date.now() - started} ms`);
await connection.close();

const server = await startServer({
  port: Number(process.env.BENCH_PORT ?? 3224),
  env: { DATABASE_URL: url, AUTH_SECRET: randomBytes(32).toString("hex"), APP_URL: "http://127.0.0.1", SKIP_DEMO_SEED: "true" },
});
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
try {
  const results: Record<string, Record<string, { ms: number; bytes: number }>> = {};
  for (const [label, clinic] of [
    ["3 patients", small],
    ["5,000 patients", big],
  ] as const) {
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(clinic.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/dashboard/);
    const pages = {
      dashboard: "/dashboard",
      "patients list": "/patients",
      "patients, needs attention first": "/patients?sort=attention",
      "patients, filtered (needs attention)": "/patients?show=attention",
      "patients, search": "/patients?q=ada",
      "a patient": `/patients/${clinic.patient}`,
      "a programme": `/programmes/${clinic.programme}`,
    };
    results[label] = {};
    for (const [name, p] of Object.entries(pages)) results[label]![name] = await time(context.request, server.url, p);
    if (label === "5,000 patients") {
      for (const [size, viewport] of [
        ["phone", { width: 390, height: 844 }],
        ["desktop", { width: 1280, height: 800 }],
      ] as const) {
        await page.setViewportSize(viewport);
        for (const p of ["/patients?sort=attention", "/dashboard"]) {
          await page.goto(p);
          await page.screenshot({ path: path.join(OUT_DIR, `scale-${size}-${p.replace(/\W+/g, "-")}.png`), fullPage: true });
        }
      }
    }
    await context.close();
  }
  const small3 = results["3 patients"]!;
  const large = results["5,000 patients"]!;
  console.log("| page | 3 patients | 5,000 patients | ratio | HTML at 5,000 |\n|---|---|---|---|---|");
  for (const name of Object.keys(large)) {
    const a = small3[name]!;
    const b = large[name]!;
    console.log(
      `| ${name} | ${a.ms.toFixed(1)} ms | ${b.ms.toFixed(1)} ms | ${(b.ms / a.ms).toFixed(2)}× | ${(b.bytes / 1024).toFixed(1)} kB |`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
}

import fc from "fast-check";
import { sql } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { rowsOf, type Database } from "@/db/client";
import { seedAccessFixture, type AccessFixture } from "./fixture";
import { toFormData, toRequest, type ActionInput, type RequestShape } from "./fuzz-inputs";
import { FUZZ, type Caller } from "./fuzz-specs";
import { jsonObject } from "./snapshot";
import { watchWrites } from "./write-watch";
import { listEntryPoints, scanServerEntryPoints } from "./scan";
import { actAs, type Claims } from "../mocks/auth.mock";
import { pointAppAtTestDatabase } from "../mocks/db-client.mock";
import { describeNavigation } from "../mocks/next-navigation.mock";
import { driver, setupTestDatabase } from "../db";

/*
 * THE FUZZ SUITE. Every server action and route handler found on disk (the same scan as
 * the access matrix) is called RUNS times with hostile input from tests/access/fuzz-specs.ts:
 * no uncaught throw (Next's redirect/notFound/forbidden are fine), no 5xx, no internal
 * error logged or shown as a form message, and a refused call writes no rows. One
 * database and one fixture per entry point; the write check is a single query.
 */
// 120 runs per entry point keep `npm test` inside its ten minutes on two cores, where the
// fuzz is among the longest files; it runs on the embedded database only (vitest.config.ts).
// The seed changes every run, so CI explores new inputs each time; `npm run test:fuzz` is
// the deep pass (2,000 runs on each driver), and FUZZ_SEED repeats a failure.
const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || 120;
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

/** A fingerprint of every table's rows in one round trip. */
async function fingerprint(db: Database, tables: string[]): Promise<Record<string, string>> {
  const columns = tables.map(
    (t) => sql`'${sql.raw(t)}', (select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from ${sql.identifier(t)} t)`,
  );
  const [row] = rowsOf<{ f: string }>(await db.execute(sql`select (${jsonObject(columns)})::text as f`));
  return JSON.parse(row!.f) as Record<string, string>;
}

type Verdict = { label: string; refused: boolean; fault?: string };

/** An answer a person could be shown: not an internal failure, not a stack or a query. */
const INTERNAL =
  /went wrong on our side|could not be saved\. Nothing was changed|\bat \S+ \(|params:|\bselect\b.*\bfrom\b|violates|TypeError|SQLSTATE/i;

async function judge(call: () => Promise<unknown>): Promise<Verdict> {
  let result: unknown;
  try {
    result = await call();
  } catch (error) {
    const navigation = describeNavigation(error);
    if (navigation) return { label: navigation.split(":")[0] === "http" ? navigation : "redirect", refused: navigation.startsWith("http") };
    return { label: "throw", refused: true, fault: `uncaught ${String((error as Error)?.stack ?? error).slice(0, 400)}` };
  }
  if (result instanceof Response) {
    const label = String(result.status);
    if (result.status >= 500) return { label, refused: true, fault: `status ${result.status}: ${(await result.text()).slice(0, 200)}` };
    if (result.status < 400) return { label, refused: false };
    const text = await result.text();
    return INTERNAL.test(text)
      ? { label, refused: true, fault: `internal detail in ${result.status}: ${text.slice(0, 200)}` }
      : { label, refused: true };
  }
  const state = (result ?? {}) as { ok?: boolean; message?: unknown };
  if (state.ok === true) return { label: "ok", refused: false };
  if (typeof state.message !== "string" || !state.message)
    return { label: "form error", refused: true, fault: `a refusal without a message: ${JSON.stringify(result).slice(0, 200)}` };
  if (INTERNAL.test(state.message)) return { label: "form error", refused: true, fault: `internal error shown: ${state.message}` };
  return { label: "form error", refused: true };
}

const claimsOf = (fx: AccessFixture, as: Caller): Claims | null => {
  if (as === "anonymous") return null;
  const p = as === "owner" ? fx.victim.owner : fx.victim.clinician;
  return { id: p.id, clinicId: p.clinicId, role: p.role, sessionVersion: p.sessionVersion };
};

/**
 * The suite for one kind of entry point. Server actions and route handlers are two test
 * files so that the two halves run side by side on two workers; the test files hold the
 * module mocks, which vitest hoists per file.
 */
export async function describeFuzz(kind: "action" | "route") {
  const { files } = scanServerEntryPoints();
  const found = await listEntryPoints(files.filter((f) => f.kind === kind));
  const { db } = setupTestDatabase();
  beforeEach(pointAppAtTestDatabase(db));

  const report: Record<string, string | number>[] = [];
  afterAll(() => {
    console.info(`fuzz (${kind}s) on ${driver}: seed ${SEED} (FUZZ_SEED=${SEED} repeats it)`);
    console.table(report);
  });

  describe(`fuzz ${kind}s on ${driver}`, () => {
    it(`has hostile input for every ${kind} found on disk`, () => {
      const missing = [...found.keys()].filter((key) => !(key in FUZZ));
      expect(missing, "Found on disk without a fuzz spec: add each to FUZZ in tests/access/fuzz-specs.ts.").toEqual([]);
      expect(
        Object.entries(FUZZ)
          .filter(([key, spec]) => spec.kind === kind && !found.has(key))
          .map(([key]) => key),
        "In FUZZ but no longer on disk: remove or rename them.",
      ).toEqual([]);
    });

    const listed = [...found.entries()].filter(([key]) => key in FUZZ);
    it.each(listed.map(([key, entry]) => [key, entry] as const))(`%s: ${RUNS} runs, 0 × 500`, async (key, { fn }) => {
      const spec = FUZZ[key]!;
      const fx = await seedAccessFixture(db());
      const tables = rowsOf<{ tablename: string }>(
        await db().execute(sql`select tablename from pg_tables where schemaname = 'public' order by tablename`),
      ).map((r) => r.tablename);
      const watched = (f: Record<string, string>) => Object.entries(f).filter(([t]) => !(spec.mayWrite ?? []).includes(t));
      const writes = watchWrites(db());
      const errors = vi.spyOn(console, "error").mockImplementation(() => {});
      const counts = new Map<string, number>();
      const faults: string[] = [];
      let before = await fingerprint(db(), tables);
      let runs = 0;
      try {
        await fc.assert(
          fc.asyncProperty(
            spec.input(fx) as fc.Arbitrary<ActionInput | RequestShape>,
            fc.anything({ maxDepth: 1 }),
            async (input, previous) => {
              runs += 1;
              actAs(claimsOf(fx, spec.as));
              errors.mockClear();
              writes.reset();
              const verdict = await judge(() => {
                if (spec.kind === "route") {
                  const shape = input as RequestShape;
                  return Promise.resolve(fn(toRequest(shape), { params: Promise.resolve(shape.params) }));
                }
                const arg =
                  "form" in (input as ActionInput)
                    ? toFormData((input as { form: [string, string | Blob][] }).form)
                    : (input as { raw: unknown }).raw;
                return Promise.resolve(fn(previous ?? {}, arg));
              });
              const logged = errors.mock.calls.map((c) => String(c[0])).filter((m) => m.startsWith("[homeplan]"));
              if (!verdict.fault && logged.length) verdict.fault = `logged an internal error: ${logged[0]!.slice(0, 300)}`;
              const after = writes.suspect() ? await fingerprint(db(), tables) : before;
              const written = watched(after)
                .filter(([t, h]) => before[t] !== h)
                .map(([t]) => t);
              if (verdict.refused && written.length && !verdict.fault)
                verdict.fault = `refused (${verdict.label}) but wrote to ${written.join(", ")}`;
              before = after;
              counts.set(verdict.label, (counts.get(verdict.label) ?? 0) + 1);
              if (verdict.fault) faults.push(verdict.fault);
              return true;
            },
          ),
          { numRuns: RUNS, seed: SEED },
        );
      } finally {
        errors.mockRestore();
        writes.stop();
      }
      const fivehundreds = faults.length;
      report.push({ entry: key, runs, "× 500": fivehundreds, ...Object.fromEntries([...counts].sort()) });
      expect(runs).toBe(RUNS);
      expect([...new Set(faults)].slice(0, 5), `${key}: ${fivehundreds} of ${runs} runs failed`).toEqual([]);
    });
  });
}

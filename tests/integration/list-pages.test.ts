import { describe, expect, it } from "vitest";
import { emailOutbox, exercises, programmes, programmeVersions, type NewExercise } from "@/db/schema";
import { listEmailPage } from "@/db/queries/email";
import { listExercisePage } from "@/db/queries/exercises";
import { listTemplatePage, listVersionPage } from "@/db/queries/programmes";
import { encodeCursor } from "@/lib/pagination";
import { setupTestDatabase } from "../db";
import { createClinic } from "../factories";

const { db } = setupTestDatabase();

type Listed = { rows: unknown[]; start: number; total: number | null; next: string | null; prev: string | null };
type Fetch = (cursor?: string) => Promise<Listed>;

/** Every page by Next, then every page again by Previous from the last: both as lists of pages of keys. */
async function walk(fetch: Fetch, keyOf: (row: never) => string) {
  const keys = (page: Listed) => page.rows.map((r) => keyOf(r as never));
  const forward: string[][] = [];
  const starts: number[] = [];
  let page = await fetch();
  for (let guard = 0; guard < 100; guard += 1) {
    forward.push(keys(page));
    starts.push(page.start);
    if (!page.next) break;
    page = await fetch(page.next);
  }
  expect(page.next).toBeNull();
  const backward: string[][] = [keys(page)];
  while (page.prev) {
    page = await fetch(page.prev);
    backward.unshift(keys(page));
  }
  return { forward, backward, starts, total: page.total };
}

/** The walk reaches each row exactly once in `expected` order, in pages of `size`, and Previous retraces it. */
async function expectWalk(fetch: Fetch, keyOf: (row: never) => string, expected: string[], size: number) {
  const { forward, backward, starts, total } = await walk(fetch, keyOf);
  expect(forward.flat()).toEqual(expected);
  expect(forward.map((p) => p.length)).toEqual(
    Array.from({ length: Math.ceil(expected.length / size) }, (_, i) => Math.min(size, expected.length - i * size)),
  );
  expect(starts).toEqual(forward.map((_, i) => i * size));
  expect(backward).toEqual(forward);
  expect(total).toBe(expected.length);
  // A cursor someone edited, one from another list, or noise: the first page, not an error.
  const first = forward[0];
  const page2 = (await fetch()).next!;
  const decoded = JSON.parse(Buffer.from(page2, "base64url").toString()) as { k: string[] };
  const tampered = [
    encodeCursor({ d: "next", k: decoded.k.map(() => "'; drop table programmes; --"), o: size }),
    encodeCursor({ d: "next", k: [...decoded.k, "extra"], o: size }),
    page2.slice(0, -3),
    "not a cursor",
  ];
  for (const cursor of tampered) expect((await fetch(cursor)).rows.map((r) => keyOf(r as never))).toEqual(first);
}

const byTimeThenId = (a: { at: Date; id: string }, b: { at: Date; id: string }) =>
  b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1);
// Three rows share each instant, so the id has to break ties.
const instant = (i: number) => new Date(Date.UTC(2026, 0, 1, 9, 0, Math.floor(i / 3), 123));

describe("lists that grow with a clinic page through one keyset pager", () => {
  it("templates: 120, last changed first, 50 a page", async () => {
    const { clinic } = await createClinic(db());
    const { clinic: other } = await createClinic(db(), "Other");
    const seed = (clinicId: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({ clinicId, id: crypto.randomUUID(), at: instant(i) }));
    const mine = seed(clinic.id, 120);
    const theirs = seed(other.id, 30);
    await db().transaction(async (tx) => {
      const all = [...mine, ...theirs];
      await tx
        .insert(programmes)
        .values(all.map((t) => ({ clinicId: t.clinicId, id: t.id, kind: "template" as const, currentVersion: 1, updatedAt: t.at })));
      await tx
        .insert(programmeVersions)
        .values(all.map((t, i) => ({ clinicId: t.clinicId, programmeId: t.id, version: 1, title: `Template ${i}` })));
    });
    const expected = [...mine].sort(byTimeThenId).map((t) => t.id);
    await expectWalk(
      (cursor) => listTemplatePage(db(), { clinicId: clinic.id, cursor }),
      (r: { id: string }) => r.id,
      expected,
      50,
    );
    const theirIds = new Set(theirs.map((t) => t.id));
    expect((await listTemplatePage(db(), { clinicId: clinic.id, pageSize: 500 })).rows.filter((r) => theirIds.has(r.id))).toEqual([]);
  });

  it("mailbox: 120 messages, newest first, 50 a page", async () => {
    const { clinic } = await createClinic(db());
    const { clinic: other } = await createClinic(db(), "Other");
    const seed = (clinicId: string, n: number) =>
      Array.from({ length: n }, (_, i) => ({ clinicId, id: crypto.randomUUID(), at: instant(i), i }));
    const mine = seed(clinic.id, 120);
    const theirs = seed(other.id, 30);
    await db().transaction(async (tx) => {
      await tx.insert(emailOutbox).values(
        [...mine, ...theirs].map((e) => ({
          clinicId: e.clinicId,
          id: e.id,
          idempotencyKey: `k${e.i}`,
          kind: "patient_link",
          toAddress: `p${e.i}@example.org`,
          subject: `Your exercises ${e.i}`,
          textBody: "text",
          htmlBody: "<p>html</p>",
          createdAt: e.at,
        })),
      );
    });
    const expected = [...mine].sort(byTimeThenId).map((e) => e.id);
    await expectWalk(
      (cursor) => listEmailPage(db(), { clinicId: clinic.id, cursor }),
      (r: { id: string }) => r.id,
      expected,
      50,
    );
    const theirIds = new Set(theirs.map((t) => t.id));
    expect((await listEmailPage(db(), { clinicId: clinic.id, pageSize: 500 })).rows.filter((r) => theirIds.has(r.id))).toEqual([]);
  });

  it("catalogue browsing: the catalogue and 120 custom exercises by name, filters kept, 50 a page", async () => {
    const { clinic } = await createClinic(db());
    const { clinic: other } = await createClinic(db(), "Other");
    const row = (clinicId: string | null, name: string, position: "supine" | "standing"): NewExercise & { id: string } => ({
      id: crypto.randomUUID(),
      clinicId,
      slug: `${name.replaceAll(" ", "-")}-${crypto.randomUUID().slice(0, 8)}`,
      name,
      purpose: "Purpose",
      category: "strengthen",
      bodyRegion: "lumbar",
      position,
      steps: ["Do it"],
      defaultDosage: { sets: 2, reps: 10, holdSeconds: 0, restSeconds: 30, sides: "none", timesPerDay: 1, daysPerWeek: 5 },
    });
    // Each custom name twice, so the id has to break ties; every third one standing.
    const custom = Array.from({ length: 120 }, (_, i) =>
      row(clinic.id, `custom ${String(i % 60).padStart(3, "0")}`, i % 3 === 0 ? "standing" : "supine"),
    );
    const global = Array.from({ length: 10 }, (_, i) => row(null, `global ${String(i).padStart(3, "0")}`, "supine"));
    const theirs = Array.from({ length: 30 }, (_, i) => row(other.id, `custom ${String(i).padStart(3, "0")}`, "supine"));
    const retired = { ...row(clinic.id, "custom 000", "supine"), retiredAt: new Date() };
    await db().transaction(async (tx) => {
      await tx.insert(exercises).values([...custom, ...global, ...theirs, retired]);
    });
    const order = (rows: { id: string; name: string }[]) =>
      [...rows].sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1)).map((r) => r.id);
    const keyOf = (r: { id: string }) => r.id;
    await expectWalk(
      (cursor) => listExercisePage(db(), { clinicId: clinic.id, filters: {}, cursor }),
      keyOf,
      order([...custom, ...global]),
      50,
    );
    await expectWalk(
      (cursor) => listExercisePage(db(), { clinicId: clinic.id, filters: { position: "supine" }, cursor, pageSize: 20 }),
      keyOf,
      order([...custom.filter((e) => e.position === "supine"), ...global]),
      20,
    );
  });

  it("programme versions: 45, newest first, 20 a page", async () => {
    const { clinic, patient } = await createClinic(db());
    const { clinic: other, patient: otherPatient } = await createClinic(db(), "Other");
    const id = crypto.randomUUID();
    await db().transaction(async (tx) => {
      await tx.insert(programmes).values([
        { clinicId: clinic.id, id, kind: "programme", patientId: patient.id, currentVersion: 45 },
        // The same programme id in another clinic: only the clinic in the key tells them apart.
        { clinicId: other.id, id, kind: "programme", patientId: otherPatient.id, currentVersion: 60 },
      ]);
      await tx
        .insert(programmeVersions)
        .values([
          ...Array.from({ length: 45 }, (_, i) => ({ clinicId: clinic.id, programmeId: id, version: i + 1, title: `Mine ${i + 1}` })),
          ...Array.from({ length: 60 }, (_, i) => ({ clinicId: other.id, programmeId: id, version: i + 1, title: `Theirs ${i + 1}` })),
        ]);
    });
    const expected = Array.from({ length: 45 }, (_, i) => `Mine ${45 - i}`);
    await expectWalk(
      (cursor) => listVersionPage(db(), { id, clinicId: clinic.id, cursor }),
      (r: { title: string }) => r.title,
      expected,
      20,
    );
  });
});

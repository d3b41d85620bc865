import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { updateClinic } from "@/db/queries/clinics";
import { erasePatient } from "@/db/queries/erasure";
import { handoutStoreSize, storeHandoutPdf } from "@/db/queries/handouts";
import { issueLink } from "@/lib/links/issue";
import { createProgramme } from "@/db/queries/programmes";
import { exercises, handoutPdfs } from "@/db/schema";
import { syncCatalogue } from "@/lib/catalogue/sync";
import { env } from "@/lib/env";
import { linkKey } from "@/lib/links/token";
import { clearHandoutCache } from "@/lib/pdf/handout-cache";
import { renderHandout } from "@/lib/pdf/render";
import { actAs } from "../mocks/auth.mock";
import { pointAppAtTestDatabase } from "../mocks/db-client.mock";
import { describeNavigation } from "../mocks/next-navigation.mock";
import { runAfterTasks } from "../mocks/next-server.mock";
import { driver, setupTestDatabase } from "../db";
import { createClinic } from "../factories";
import { TEST_DOSE as dose } from "../linked-programme";

vi.mock("@/lib/auth/auth", () => import("../mocks/auth.mock"));
vi.mock("next-auth", () => import("../mocks/next-auth.mock"));
vi.mock("next/headers", () => import("../mocks/next-headers.mock"));
vi.mock("next/navigation", () => import("../mocks/next-navigation.mock"));
vi.mock("next/cache", () => import("../mocks/next-cache.mock"));
vi.mock("next/server", () => import("../mocks/next-server.mock"));
vi.mock("@/db/client", async (importOriginal) => (await import("../mocks/db-client.mock")).dbClientDouble(importOriginal));
// The real renderer, counted: a download that did not call it was served from a kept copy.
vi.mock("@/lib/pdf/render", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/pdf/render")>();
  return { ...real, renderHandout: vi.fn(real.renderHandout) };
});

const { db } = setupTestDatabase();
beforeEach(pointAppAtTestDatabase(db));

let fx: { clinicId: string; ownerId: string; patientId: string; patientName: string; programmeId: string; token: string; bridgeId: string };
const renders = () => vi.mocked(renderHandout).mock.calls.length;

/** Every table is emptied before each test: each starts from a programme with a live link. */
async function seed() {
  await syncCatalogue(db());
  const [bridge] = await db()
    .select({ id: exercises.id })
    .from(exercises)
    .where(sql`slug = 'bridge'`);
  const { clinic, owner, patient } = await createClinic(db());
  const actor = { clinicId: clinic.id, clinicianId: owner.id };
  const content = {
    title: "Back",
    patientNote: "",
    changeNote: "",
    startDate: null,
    reviewDate: null,
    items: [{ ...dose, exerciseId: bridge!.id }],
  };
  const programmeId = await createProgramme(db(), actor, { kind: "programme", patientId: patient.id, content });
  const link = await db().transaction((tx) => issueLink(tx, actor, { programmeId, key: linkKey(env().AUTH_SECRET) }));
  fx = {
    clinicId: clinic.id,
    ownerId: owner.id,
    patientId: patient.id,
    patientName: patient.name,
    programmeId,
    token: link.token,
    bridgeId: bridge!.id,
  };
  actAs({ id: owner.id, clinicId: clinic.id, role: "owner", sessionVersion: owner.sessionVersion });
}

/** Saves a new version through the builder's action, then runs what it left for after the response. */
async function saveVersion(baseVersion: number, reps: number) {
  const { saveProgrammeAction } = await import("@/app/(portal)/programmes/actions");
  const form = new FormData();
  const items = [{ ...dose, reps, exerciseId: fx.bridgeId }];
  for (const [k, v] of Object.entries({
    kind: "programme",
    programmeId: fx.programmeId,
    baseVersion: String(baseVersion),
    content: JSON.stringify({ title: "Back", patientNote: "", changeNote: "", startDate: "", reviewDate: "", items }),
  }))
    form.append(k, v);
  const outcome = await saveProgrammeAction({}, form).catch((error: unknown) => describeNavigation(error) ?? Promise.reject(error));
  expect(outcome).toBe(`redirect:/programmes/${fx.programmeId}?saved=1`);
  await runAfterTasks();
}

/** The patient's download, as a process that has just started would serve it (nothing in memory). */
async function patientDownload(): Promise<Buffer> {
  clearHandoutCache();
  const { GET } = await import("@/app/p/[token]/handout.pdf/route");
  const response = await GET(new Request("http://homeplan.test/p/x/handout.pdf"), { params: Promise.resolve({ token: fx.token }) });
  expect(response.headers.get("content-type")).toBe("application/pdf");
  return Buffer.from(await response.arrayBuffer());
}

const storedFor = async () => db().select({ pdf: handoutPdfs.pdf }).from(handoutPdfs).where(eq(handoutPdfs.programmeId, fx.programmeId));

describe(`rendered handouts kept in the database on ${driver}`, () => {
  // One fixture, one save, two renders in all: renders are what make this file slow.
  it("a saved version's sheet is drawn after the save and read on the next download, even after a restart; a changed detail is drawn afresh, and erasure removes it", async () => {
    await seed();
    await saveVersion(1, 12);
    const stored = await storedFor();
    expect(stored).toHaveLength(1);
    let before = renders();
    const pdf = await patientDownload();
    expect(renders()).toBe(before);
    expect(pdf.equals(stored[0]!.pdf)).toBe(true);

    // A new version is a new digest (lib/pdf/render.test.ts checks every printed part); so is a clinic detail.
    await updateClinic(db(), { clinicId: fx.clinicId }, { name: "Renamed Clinic", address: "", phone: "0117 496 0000", paperSize: "A4" });
    before = renders();
    const fresh = await patientDownload();
    expect(renders()).toBe(before + 1);
    expect(fresh.equals(pdf)).toBe(false);
    // The patient's GET writes nothing: its fresh render is kept in memory only.
    expect(await storedFor()).toHaveLength(1);

    // The sheet prints the patient's name: erasing the patient erases it.
    await erasePatient(
      db(),
      { clinicId: fx.clinicId, clinicianId: fx.ownerId },
      { patientId: fx.patientId, confirmName: fx.patientName, reason: "patient_request" },
    );
    expect(await storedFor()).toHaveLength(0);
  });

  it("stays within its byte budget, dropping the oldest first", async () => {
    await seed();
    for (const digest of ["a", "b", "c", "d"]) {
      await storeHandoutPdf(db(), { clinicId: fx.clinicId, digest, programmeId: fx.programmeId, pdf: Buffer.alloc(400) }, 1000);
      // Distinct times, so "oldest" is well defined on both drivers.
      await db().execute(sql`update handout_pdfs set created_at = created_at - interval '1 minute'`);
    }
    expect(await handoutStoreSize(db())).toEqual({ rows: 2, bytes: 800 });
    const kept = await db().select({ digest: handoutPdfs.digest }).from(handoutPdfs);
    expect(kept.map((r) => r.digest).sort()).toEqual(["c", "d"]);
  });
});

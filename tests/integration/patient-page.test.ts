import { eq } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { updateClinic } from "@/db/queries/clinics";
import { updateClinicianName } from "@/db/queries/clinicians";
import { createCustomExercise, updateCustomExercise } from "@/lib/catalogue/custom-exercise";
import { revokeLinks } from "@/db/queries/links";
import { issueLink } from "@/lib/links/issue";
import { updatePatient } from "@/db/queries/patients";
import { createProgramme, saveProgrammeVersion } from "@/db/queries/programmes";
import { recordSessionLog } from "@/db/queries/sessions";
import { exercises } from "@/db/schema";
import { syncCatalogue } from "@/lib/catalogue/sync";
import { linkKey } from "@/lib/links/token";
import { customExerciseSchema } from "@/lib/validations/exercise";
import type { ProgrammeContent } from "@/lib/validations/programme";
import { changedTables, snapshot } from "../access/snapshot";
import { loadProgrammeView } from "@/lib/patient/programme-view";
import { pointAppAtTestDatabase } from "../mocks/db-client.mock";
import { describeNavigation } from "../mocks/next-navigation.mock";
import { driver, setupTestDatabase } from "../db";
import { createClinic } from "../factories";

vi.mock("next/headers", () => import("../mocks/next-headers.mock"));
vi.mock("next/navigation", () => import("../mocks/next-navigation.mock"));
vi.mock("next/cache", () => import("../mocks/next-cache.mock"));
vi.mock("@/db/client", async (importOriginal) => (await import("../mocks/db-client.mock")).dbClientDouble(importOriginal));
// The real loader, counted: a visit served from memory does not read the programme again.
vi.mock("@/lib/patient/programme-view", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/patient/programme-view")>();
  return { ...actual, loadProgrammeView: vi.fn(actual.loadProgrammeView) };
});
const programmeReads = () => vi.mocked(loadProgrammeView).mock.calls.length;

const { default: PatientProgrammePage } = await import("@/app/p/[token]/page");
const { getProgrammePageParts, programmePartsKey } = await import("@/app/p/[token]/programme-parts");

const { db } = setupTestDatabase();
beforeEach(pointAppAtTestDatabase(db));

const dose = {
  sets: 2,
  reps: 10,
  holdSeconds: 5,
  restSeconds: 30,
  sides: "none" as const,
  timesPerDay: 1,
  daysPerWeek: 5,
  load: "",
  note: "",
};
const content = (ids: string[], patch: Partial<ProgrammeContent> = {}): ProgrammeContent => ({
  title: "Settling your back",
  patientNote: "Slowly, within comfort.",
  changeNote: "",
  startDate: null,
  reviewDate: null,
  items: ids.map((exerciseId) => ({ ...dose, exerciseId })),
  ...patch,
});

const wallSlide = {
  name: "Wall slide",
  purpose: "Opens the chest and eases the upper back.",
  category: "mobilise",
  bodyRegion: "thoracic spine",
  position: "standing",
  equipment: "none",
  targetMuscles: "trapezius",
  steps: "Stand with your back to a wall.\nSlide your arms up.",
  sets: "1",
  reps: "8",
  holdSeconds: "0",
  restSeconds: "0",
  sides: "none",
  timesPerDay: "1",
  daysPerWeek: "5",
};

/** A clinic with a patient's programme of Bridge and the clinic's own Wall slide, and a live link to it. */
async function setUp() {
  await syncCatalogue(db());
  const { clinic, owner, patient } = await createClinic(db());
  const actor = { clinicId: clinic.id, clinicianId: owner.id };
  const [bridge] = await db().select({ id: exercises.id }).from(exercises).where(eq(exercises.slug, "bridge"));
  const custom = await createCustomExercise(db(), actor, customExerciseSchema.parse(wallSlide));
  const programmeId = await createProgramme(db(), actor, {
    kind: "programme",
    patientId: patient.id,
    content: content([bridge!.id, custom]),
  });
  const link = await db().transaction((tx) => issueLink(tx, actor, { programmeId, key: linkKey("x".repeat(40)) }));
  // The page's own calls: the key it reads live, and the page itself as a patient's browser gets it.
  const key = () => programmePartsKey(db(), { clinicId: clinic.id, programmeId });
  const page = () => visit(link.token);
  return { clinic, owner, patient, actor, bridgeId: bridge!.id, custom, programmeId, link, key, page };
}

/** The page's HTML for a token, or how it stopped ("http:404"). */
async function visit(token: string): Promise<string> {
  try {
    const tree = await PatientProgrammePage({ params: Promise.resolve({ token }), searchParams: Promise.resolve({}) });
    return renderToStaticMarkup(tree);
  } catch (error) {
    const stop = describeNavigation(error);
    if (stop) return stop;
    throw error;
  }
}

describe(`the patient page, its programme kept in memory, on ${driver}`, () => {
  it("shows the programme; a logged session shows at once and keeps the programme's cache key", async () => {
    const s = await setUp();
    const first = await s.key();
    expect(first).toMatchObject({ programmeId: s.programmeId, version: 1 });
    const html = await s.page();
    expect(html).toContain("Settling your back");
    expect(html).toContain("Wall slide");
    expect(html).toContain("Hello Patient");
    expect(html).toContain(`href="/p/${s.link.token}/play"`);
    expect(html).toMatch(/This week: 0 of \d/);
    // A second visit takes the programme from memory: it is not read again.
    const reads = programmeReads();
    expect(await s.page()).toContain("Wall slide");
    expect(programmeReads()).toBe(reads);

    // A logged session is live data, read per request: the programme's key stays, so the kept programme is reused.
    const logged = await recordSessionLog(
      db(),
      { linkId: s.link.id, clinicId: s.clinic.id, patientId: s.patient.id, programmeId: s.programmeId, issuedAt: new Date() },
      {
        idempotencyKey: "k1",
        programmeId: s.programmeId,
        version: 1,
        startedAt: null,
        completedAt: new Date().toISOString(),
        exercises: [],
        pain: 2,
        difficulty: null,
        comment: "",
      },
    );
    expect(logged).toMatchObject({ created: true });
    expect(await s.key()).toEqual(first);
    expect(await s.page()).toMatch(/This week: 1 of \d/);
    expect(programmeReads()).toBe(reads);
  });

  it("shows a new version on the very next request", async () => {
    const s = await setUp();
    const before = await s.key();
    await s.page();
    await saveProgrammeVersion(db(), s.actor, {
      programmeId: s.programmeId,
      baseVersion: 1,
      content: content([s.bridgeId], { title: "Week two" }),
    });
    const after = await s.key();
    expect(after?.version).toBe(2);
    expect(after).not.toEqual(before);
    const html = await s.page();
    expect(html).toContain("Week two");
    expect(html).not.toContain("Settling your back");
    expect(html).toContain("1 exercise ·");
  });

  it("shows a new name for the patient, the clinic or the clinician at once, with no new version; an edited exercise waits for the next version", async () => {
    const s = await setUp();
    await s.page();
    const keys = [await s.key()];

    await updatePatient(
      db(),
      { id: s.patient.id, clinicId: s.clinic.id, clinicianId: s.owner.id },
      { name: "Margaret Hughes", email: "m@example.org", dateOfBirth: null, notes: "" },
    );
    keys.push(await s.key());
    expect(await s.page()).toContain("Hello Margaret");

    await updateClinic(
      db(),
      { clinicId: s.clinic.id },
      { name: "Harbour Physio", address: "1 Quay Street", phone: "0117 000 0000", paperSize: "A4" },
    );
    keys.push(await s.key());
    expect(await s.page()).toContain("0117 000 0000");
    expect(await s.page()).toContain("Harbour Physio</p></div></header>");

    await updateClinicianName(db(), { clinicId: s.clinic.id, id: s.owner.id }, "Sam Okafor");
    keys.push(await s.key());
    expect(await s.page()).toContain("Your plan from Sam Okafor");

    await updateCustomExercise(
      db(),
      { id: s.custom, clinicId: s.clinic.id, clinicianId: s.owner.id },
      customExerciseSchema.parse({ ...wallSlide, name: "Wall angel" }),
    );
    keys.push(await s.key());
    // A saved version keeps the exercise it was given; the edit shows from the next version on.
    expect(await s.page()).toContain("Wall slide");
    expect(await s.page()).not.toContain("Wall angel");

    expect(new Set(keys.map((x) => x?.stamp)).size).toBe(keys.length);
    expect(keys.every((x) => x?.version === 1)).toBe(true);
  });

  it("answers a revoked or unknown link with 404 at once, though its programme was drawn a moment before", async () => {
    const s = await setUp();
    expect(await s.page()).toContain("Settling your back");
    await db().transaction((tx) => revokeLinks(tx, s.actor, { programmeId: s.programmeId }));
    expect(await s.page()).toBe("http:404");
    expect(await visit("y".repeat(s.link.token.length))).toBe("http:404");
  });

  it("escapes what clinicians typed", async () => {
    const s = await setUp();
    await saveProgrammeVersion(db(), s.actor, {
      programmeId: s.programmeId,
      baseVersion: 1,
      content: content([s.bridgeId], { title: "<img src=x onerror=alert(1)>", patientNote: "<script>alert(1)</script>" }),
    });
    const text = await s.page();
    expect(text).not.toContain("<script>alert");
    expect(text).not.toContain("<img src=x");
    expect(text).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("has nothing for a programme of another clinic, or a template", async () => {
    const s = await setUp();
    const other = await createClinic(db(), "Other");
    expect(await getProgrammePageParts(db(), { clinicId: other.clinic.id, programmeId: s.programmeId })).toBeNull();
    const template = await createProgramme(db(), s.actor, { kind: "template", content: content([s.bridgeId]) });
    expect(await getProgrammePageParts(db(), { clinicId: s.clinic.id, programmeId: template })).toBeNull();
  });

  it("writes nothing when a live link is read, 50 times over", async () => {
    const s = await setUp();
    const before = await snapshot(db());
    for (let i = 0; i < 50; i++) expect(await s.page()).toContain("Settling your back");
    expect(changedTables(before, await snapshot(db()))).toEqual([]);
  });
});

import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { updateClinic } from "@/db/queries/clinics";
import { updateClinicianName } from "@/db/queries/clinicians";
import { createCustomExercise, updateCustomExercise } from "@/lib/catalogue/custom-exercise";
import { issueLink } from "@/lib/links/issue";
import { updatePatient } from "@/db/queries/patients";
import { createProgramme, getProgrammeViewStamp, saveProgrammeVersion } from "@/db/queries/programmes";
import { recordSessionLog } from "@/db/queries/sessions";
import { exercises } from "@/db/schema";
import { syncCatalogue } from "@/lib/catalogue/sync";
import { clearProgrammePageParts, getProgrammePageParts } from "@/app/p/[token]/page-cache";
import { linkKey } from "@/lib/links/token";
import { customExerciseSchema } from "@/lib/validations/exercise";
import type { ProgrammeContent } from "@/lib/validations/programme";
import { driver, setupTestDatabase } from "../db";
import { createClinic } from "../factories";

const { db } = setupTestDatabase();

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

/** A clinic with a patient's programme of Bridge and the clinic's own Wall slide. */
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
  const key = { clinicId: clinic.id, programmeId };
  const stamp = () => getProgrammeViewStamp(db(), key);
  const parts = () => getProgrammePageParts(db(), key);
  return { clinic, owner, patient, actor, key, bridgeId: bridge!.id, custom, programmeId, stamp, parts };
}

const html = (p: Awaited<ReturnType<typeof getProgrammePageParts>>) => `${p!.html.intro}${p!.html.plan}${p!.html.close}`;

beforeEach(() => clearProgrammePageParts());

describe(`the patient page's programme, drawn once per version, on ${driver}`, () => {
  it("draws the programme, and hands back the same drawing while nothing changes", async () => {
    const s = await setUp();
    const first = await s.parts();
    expect(first).toMatchObject({ programmeId: s.programmeId, version: 1, exerciseCount: 2 });
    expect(html(first)).toContain("Settling your back");
    expect(html(first)).toContain("Wall slide");
    expect(html(first)).toContain("Hello Patient");
    // A logged session is live data, read per request: it does not redraw the programme.
    const link = await db().transaction((tx) => issueLink(tx, s.actor, { programmeId: s.programmeId, key: linkKey("x".repeat(40)) }));
    const logged = await recordSessionLog(
      db(),
      { linkId: link.id, clinicId: s.clinic.id, patientId: s.patient.id, programmeId: s.programmeId, issuedAt: new Date() },
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
    expect(await s.parts()).toBe(first);
  });

  it("shows a new version on the very next request", async () => {
    const s = await setUp();
    const before = await s.stamp();
    await s.parts();
    await saveProgrammeVersion(db(), s.actor, {
      programmeId: s.programmeId,
      baseVersion: 1,
      content: content([s.bridgeId], { title: "Week two" }),
    });
    expect((await s.stamp())?.version).toBe(2);
    expect(await s.stamp()).not.toEqual(before);
    const after = await s.parts();
    expect(after?.version).toBe(2);
    expect(html(after)).toContain("Week two");
    expect(html(after)).not.toContain("Settling your back");
    expect(after?.exerciseCount).toBe(1);
  });

  it("redraws when the patient, the clinic or the clinician changes, with no new version; an edited exercise waits for the next version", async () => {
    const s = await setUp();
    await s.parts();
    const stamps = [await s.stamp()];

    await updatePatient(
      db(),
      { id: s.patient.id, clinicId: s.clinic.id, clinicianId: s.owner.id },
      { name: "Margaret Hughes", email: "m@example.org", dateOfBirth: null, notes: "" },
    );
    stamps.push(await s.stamp());
    expect(html(await s.parts())).toContain("Hello Margaret");

    await updateClinic(
      db(),
      { clinicId: s.clinic.id },
      { name: "Harbour Physio", address: "1 Quay Street", phone: "0117 000 0000", paperSize: "A4" },
    );
    stamps.push(await s.stamp());
    expect(html(await s.parts())).toContain("0117 000 0000");
    expect((await s.parts())?.clinicName).toBe("Harbour Physio");

    await updateClinicianName(db(), { clinicId: s.clinic.id, id: s.owner.id }, "Sam Okafor");
    stamps.push(await s.stamp());
    expect(html(await s.parts())).toContain("Your plan from Sam Okafor");

    await updateCustomExercise(
      db(),
      { id: s.custom, clinicId: s.clinic.id, clinicianId: s.owner.id },
      customExerciseSchema.parse({ ...wallSlide, name: "Wall angel" }),
    );
    stamps.push(await s.stamp());
    // A saved version keeps the exercise it was given; the edit shows from the next version on.
    expect(html(await s.parts())).toContain("Wall slide");
    expect(html(await s.parts())).not.toContain("Wall angel");

    expect(new Set(stamps.map((x) => x?.stamp)).size).toBe(stamps.length);
    expect(stamps.every((x) => x?.version === 1)).toBe(true);
  });

  it("escapes what clinicians typed, though the drawing is inserted as HTML", async () => {
    const s = await setUp();
    await saveProgrammeVersion(db(), s.actor, {
      programmeId: s.programmeId,
      baseVersion: 1,
      content: content([s.bridgeId], { title: "<img src=x onerror=alert(1)>", patientNote: "<script>alert(1)</script>" }),
    });
    const text = html(await s.parts());
    expect(text).not.toContain("<script>");
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
});

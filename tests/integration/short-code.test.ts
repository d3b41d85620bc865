import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { revokeLinks } from "@/db/queries/links";
import { getCurrentLink } from "@/lib/links/current";
import { issueLink } from "@/lib/links/issue";
import { createProgramme } from "@/db/queries/programmes";
import { exercises, patientLinks, patients } from "@/db/schema";
import { syncCatalogue } from "@/lib/catalogue/sync";
import { env } from "@/lib/env";
import { formatShortCode, shortCode, shortCodeHash, shortCodeKey } from "@/lib/links/short-code";
import { linkKey } from "@/lib/links/token";
import { pointAppAtTestDatabase } from "../mocks/db-client.mock";
import { setRequestHeaders } from "../mocks/next-headers.mock";
import { describeNavigation } from "../mocks/next-navigation.mock";
import { countRows, driver, setupTestDatabase } from "../db";
import { createClinic } from "../factories";
import { TEST_DOSE as dose } from "../linked-programme";

// lib/actions.ts (shared form helpers) also holds clinicianAction, which brings in next-auth.
vi.mock("@/lib/auth/auth", () => import("../mocks/auth.mock"));
vi.mock("next-auth", () => import("../mocks/next-auth.mock"));
vi.mock("next/headers", () => import("../mocks/next-headers.mock"));
vi.mock("next/navigation", () => import("../mocks/next-navigation.mock"));
vi.mock("@/db/client", async (importOriginal) => (await import("../mocks/db-client.mock")).dbClientDouble(importOriginal));

const { db } = setupTestDatabase();
beforeEach(pointAppAtTestDatabase(db));

const key = () => linkKey(env().AUTH_SECRET);
let address = 0;
/** Each test from its own address, so the per-address limit of one never spills into another. */
const fromNewAddress = () => {
  const ip = `198.51.100.${++address}`;
  setRequestHeaders({ "x-homeplan-peer": ip });
  return ip;
};

async function livePatientLink(dateOfBirth: string | null = "1958-06-14") {
  await syncCatalogue(db());
  const [bridge] = await db()
    .select({ id: exercises.id })
    .from(exercises)
    .where(sql`slug = 'bridge'`);
  const { clinic, owner, patient } = await createClinic(db());
  await db().update(patients).set({ dateOfBirth }).where(eq(patients.id, patient.id));
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
  const link = await db().transaction((tx) => issueLink(tx, actor, { programmeId, key: key() }));
  return { actor, programmeId, token: link.token, code: shortCode(link.token, shortCodeKey(key())) };
}

/** What the patient sees after sending the form: where they were sent, or the message. */
async function submit(code: string, year: string): Promise<string> {
  const { openShortCodeAction } = await import("@/app/c/[code]/actions");
  const form = new FormData();
  form.set("code", code);
  form.set("year", year);
  try {
    const state = await openShortCodeAction({}, form);
    return state.message ?? "";
  } catch (error) {
    const nav = describeNavigation(error);
    if (nav) return nav;
    throw error;
  }
}

const DOES_NOT_WORK = /^This code does not work/;
const LOCKED = /^Too many tries\. Please wait 15 minutes/;

describe(`short codes on ${driver}`, () => {
  it("open a live link with the right year, however the code is typed", async () => {
    fromNewAddress();
    const { token, code } = await livePatientLink();
    const typed = formatShortCode(code).toLowerCase().replace(/0/g, "o").replace(/1/g, "l").replace("-", " - ");
    expect(await submit(typed, "1958")).toBe(`redirect:/p/${token}`);
  });

  it("answer the same for a wrong year, an unknown code and a stopped link's code", async () => {
    fromNewAddress();
    const { actor, programmeId, code } = await livePatientLink();
    const wrongYear = await submit(code, "1959");
    const unknown = await submit(code === "7KQ4M2XP" ? "7KQ4M2XQ" : "7KQ4M2XP", "1958");
    expect(wrongYear).toMatch(DOES_NOT_WORK);
    expect(unknown).toBe(wrongYear);
    await db().transaction((tx) => revokeLinks(tx, actor, { programmeId }));
    expect(await submit(code, "1958")).toBe(wrongYear);
  });

  it("lock a code after three wrong years, even for the right year, until the window passes", async () => {
    const { token, code } = await livePatientLink();
    fromNewAddress();
    expect(await submit(code, "1990")).toMatch(DOES_NOT_WORK);
    expect(await submit(code, "1991")).toMatch(DOES_NOT_WORK);
    expect(await submit(code, "1992")).toMatch(LOCKED);
    // From another address too: the lock is on the code.
    fromNewAddress();
    expect(await submit(code, "1958")).toMatch(LOCKED);
    await db().execute(sql`update rate_limits set window_start = now() - interval '16 minutes'`);
    expect(await submit(code, "1958")).toBe(`redirect:/p/${token}`);
  });

  it("limit one address to 20 misses over any codes", async () => {
    const { token, code } = await livePatientLink();
    fromNewAddress();
    const answers = [];
    for (let i = 0; i < 20; i++) answers.push(await submit(`ZZZZ${String(1000 + i)}`, "1970"));
    expect(answers.slice(0, 19).every((a) => DOES_NOT_WORK.test(a))).toBe(true);
    expect(answers[19]).toMatch(LOCKED);
    expect(await submit(code, "1958")).toMatch(LOCKED);
    fromNewAddress();
    expect(await submit(code, "1958")).toBe(`redirect:/p/${token}`);
  });

  it("never open for a patient with no date of birth, whose handout prints no code", async () => {
    fromNewAddress();
    const { actor, programmeId, code } = await livePatientLink(null);
    expect(await submit(code, "1958")).toMatch(DOES_NOT_WORK);
    expect((await getCurrentLink(db(), { clinicId: actor.clinicId, programmeId, key: key() }))?.shortCode).toBeNull();
  });

  it("are kept only as a keyed hash, and the handout's code is the one that opens", async () => {
    fromNewAddress();
    const { actor, programmeId, code } = await livePatientLink();
    expect((await getCurrentLink(db(), { clinicId: actor.clinicId, programmeId, key: key() }))?.shortCode).toBe(code);
    await submit(code, "1990");
    const [row] = await db()
      .select({ hash: patientLinks.shortCodeHash })
      .from(patientLinks)
      .where(eq(patientLinks.programmeId, programmeId));
    expect(row?.hash?.equals(shortCodeHash(code, shortCodeKey(key())))).toBe(true);
    const dump = JSON.stringify(
      [
        await db().execute(sql`select * from patient_links`),
        await db().execute(sql`select * from rate_limits`),
        await db().execute(sql`select * from audit_events`),
      ],
      (_k, v) => (v && v.type === "Buffer" ? [Buffer.from(v.data).toString("hex"), Buffer.from(v.data).toString("latin1")] : v),
    );
    expect(dump).not.toContain(code);
    expect(dump).not.toContain(formatShortCode(code));
  });

  it("refuse a badly typed year or code with a message, writing nothing", async () => {
    fromNewAddress();
    const { code } = await livePatientLink();
    const before = await countRows(db(), "rate_limits");
    expect(await submit(code, "58")).toBe("Enter the year you were born.");
    expect(await submit(code, "2999")).toBe("Enter the year you were born.");
    expect(await submit("7KQ4-M2X", "1958")).toMatch(DOES_NOT_WORK);
    expect(await countRows(db(), "rate_limits")).toBe(before);
  });
});

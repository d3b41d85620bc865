import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/patients/search/route";
import { createPatient } from "@/db/queries/patients";
import { actAs } from "../mocks/auth.mock";
import { pointAppAtTestDatabase } from "../mocks/db-client.mock";
import { driver, setupTestDatabase } from "../db";
import { createClinic } from "../factories";

vi.mock("@/lib/auth/auth", () => import("../mocks/auth.mock"));
vi.mock("next-auth", () => import("../mocks/next-auth.mock"));
vi.mock("next/headers", () => import("../mocks/next-headers.mock"));
vi.mock("@/db/client", async (importOriginal) => (await import("../mocks/db-client.mock")).dbClientDouble(importOriginal));

const { db } = setupTestDatabase();
beforeEach(pointAppAtTestDatabase(db));

const search = async (q: string | null) => {
  const response = await GET(new Request(`http://homeplan.test/api/patients/search${q === null ? "" : `?q=${encodeURIComponent(q)}`}`));
  return { status: response.status, body: (await response.json()) as { patients?: { id: string; name: string; email: string }[] } };
};

describe(`choosing a patient (who a photo shows) on ${driver}`, () => {
  it("finds the clinic's current patients by part of a name or email, eight at most, and nobody from another clinic", async () => {
    const home = await createClinic(db(), "Home");
    const away = await createClinic(db(), "Away");
    const actor = { clinicId: home.clinic.id, clinicianId: home.owner.id };
    for (let n = 0; n < 10; n++)
      await createPatient(db(), actor, { name: `Rowan Example ${n}`, email: `rowan${n}@example.org`, dateOfBirth: null, notes: "" });
    await createPatient(
      db(),
      { clinicId: away.clinic.id, clinicianId: away.owner.id },
      {
        name: "Rowan Elsewhere",
        email: "rowan.elsewhere@example.org",
        dateOfBirth: null,
        notes: "",
      },
    );
    actAs({ id: home.owner.id, clinicId: home.clinic.id, role: "owner", sessionVersion: home.owner.sessionVersion });

    const found = await search("rowan");
    expect(found.status).toBe(200);
    expect(found.body.patients).toHaveLength(8);
    expect(found.body.patients!.every((p) => p.name.startsWith("Rowan Example"))).toBe(true);
    expect((await search("rowan7@example")).body.patients!.map((p) => p.name)).toEqual(["Rowan Example 7"]);
    expect((await search("Elsewhere")).body.patients).toEqual([]);
    // Nothing to search for, or too much, is a 400 with a message; no session is a 401.
    for (const bad of [null, "   ", "x".repeat(101)]) expect((await search(bad)).status).toBe(400);
    actAs(null);
    expect((await search("rowan")).status).toBe(401);
  });
});

import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedAccessFixture } from "../access/fixture";
import { changedTables, snapshot } from "../access/snapshot";
import { pointAppAtTestDatabase } from "../mocks/db-client.mock";
import { driver, setupTestDatabase } from "../db";

vi.mock("next/headers", () => import("../mocks/next-headers.mock"));
vi.mock("next/cache", () => import("../mocks/next-cache.mock"));
vi.mock("@/db/client", async (importOriginal) => (await import("../mocks/db-client.mock")).dbClientDouble(importOriginal));

const { db } = setupTestDatabase();
beforeEach(pointAppAtTestDatabase(db));

describe(`patient GETs on ${driver}`, () => {
  it("100 reads of a live link (page data, calendar, handout) write nothing", async () => {
    const fx = await seedAccessFixture(db());
    const { resolvePatientLink } = await import("@/lib/patient/access");
    const { getProgrammePageParts } = await import("@/app/p/[token]/programme-parts");
    const { listSessions, countSessionsSince } = await import("@/db/queries/sessions");
    const calendar = await import("@/app/p/[token]/calendar.ics/route");
    const handout = await import("@/app/p/[token]/handout.pdf/route");
    const params = { params: Promise.resolve({ token: fx.victim.linkToken }) };
    const before = await snapshot(db());
    for (let i = 0; i < 100; i++) {
      // What app/p/[token]/page.tsx reads for each request.
      const link = await resolvePatientLink(fx.victim.linkToken);
      expect(link?.programmeId).toBe(fx.victim.programmeId);
      // In vitest "use cache" is only a string, so every pass reads and draws the programme as a cache miss would.
      const parts = await getProgrammePageParts(db(), { clinicId: link!.clinicId, programmeId: link!.programmeId });
      expect(parts?.programmeId).toBe(fx.victim.programmeId);
      await listSessions(db(), { clinicId: link!.clinicId, patientId: link!.patientId, programmeId: link!.programmeId, limit: 5 });
      await countSessionsSince(db(), { clinicId: link!.clinicId, programmeId: link!.programmeId, since: new Date(0) });
      if (i % 10 === 0) expect((await calendar.GET(new Request("http://homeplan.test/p/x/calendar.ics"), params)).status).toBe(200);
      if (i % 50 === 0)
        expect((await handout.GET(new Request("http://homeplan.test/p/x/handout.pdf"), params)).headers.get("content-type")).toBe(
          "application/pdf",
        );
    }
    expect(changedTables(before, await snapshot(db()))).toEqual([]);
  });
});

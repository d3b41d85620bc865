import { beforeEach, describe, expect, it, vi } from "vitest";
import { seedAccessFixture } from "../access/fixture";
import { changedTables, snapshot } from "../access/snapshot";
import { pointAppAtTestDatabase } from "../mocks/db-client.mock";
import { driver, setupTestDatabase } from "../db";

vi.mock("next/cache", () => import("../mocks/next-cache.mock"));
vi.mock("next/headers", () => import("../mocks/next-headers.mock"));
vi.mock("@/db/client", async (importOriginal) => (await import("../mocks/db-client.mock")).dbClientDouble(importOriginal));

const { db } = setupTestDatabase();
beforeEach(pointAppAtTestDatabase(db));

describe(`patient GETs on ${driver}`, () => {
  it("100 reads of a live link (the page, the player, the questions, calendar, handout) write nothing", async () => {
    const fx = await seedAccessFixture(db());
    // The patient side's own pages and routes, called as Next calls them for a GET.
    const page = (await import("@/app/p/[token]/page")).default;
    const play = (await import("@/app/p/[token]/play/page")).default;
    const questions = (await import("@/app/p/[token]/questions/page")).default;
    const calendar = await import("@/app/p/[token]/calendar.ics/route");
    const handout = await import("@/app/p/[token]/handout.pdf/route");
    const params = { params: Promise.resolve({ token: fx.victim.linkToken }) };
    const before = await snapshot(db());
    for (let i = 0; i < 100; i++) {
      expect(await page({ ...params, searchParams: Promise.resolve({}) })).toBeTruthy();
      if (i % 10 === 0) {
        expect(await play(params)).toBeTruthy();
        expect(await questions(params)).toBeTruthy();
        expect((await calendar.GET(new Request("http://homeplan.test/p/x/calendar.ics"), params)).status).toBe(200);
      }
      if (i % 50 === 0)
        expect((await handout.GET(new Request("http://homeplan.test/p/x/handout.pdf"), params)).headers.get("content-type")).toBe(
          "application/pdf",
        );
    }
    expect(changedTables(before, await snapshot(db()))).toEqual([]);
    // A hundred page renders and two handouts: minutes of CPU when the machine is busy.
  }, 240_000);
});

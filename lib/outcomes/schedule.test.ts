import { describe, expect, it } from "vitest";
import { dueMeasures } from "./schedule";

const DAY = 86_400_000;
const start = new Date("2026-01-05T09:00:00Z");
const at = (days: number) => new Date(start.getTime() + days * DAY);
const psfs = { measure: "psfs", atStart: true, everyWeeks: 2, atReview: false };

describe("when a scheduled measure is due", () => {
  it("at the start, until answered", () => {
    expect(dueMeasures([psfs], [], { start, review: null, now: at(0) })).toEqual([{ measure: "psfs", since: start, overdue: false }]);
    expect(dueMeasures([psfs], [{ measure: "psfs", answeredAt: at(1) }], { start, review: null, now: at(5) })).toEqual([]);
  });
  it("again every N weeks, and overdue three days on", () => {
    const answered = [{ measure: "psfs", answeredAt: at(0) }];
    expect(dueMeasures([psfs], answered, { start, review: null, now: at(13) })).toEqual([]);
    expect(dueMeasures([psfs], answered, { start, review: null, now: at(14) })).toEqual([
      { measure: "psfs", since: at(14), overdue: false },
    ]);
    expect(dueMeasures([psfs], answered, { start, review: null, now: at(17) })[0]?.overdue).toBe(true);
  });
  it("an answer a few days early counts for the occasion", () => {
    expect(dueMeasures([psfs], [{ measure: "psfs", answeredAt: at(12) }], { start, review: null, now: at(15) })).toEqual([]);
  });
  it("at review from the review date", () => {
    const rule = { measure: "nprs", atStart: false, everyWeeks: null, atReview: true };
    expect(dueMeasures([rule], [], { start, review: at(30), now: at(29) })).toEqual([]);
    expect(dueMeasures([rule], [], { start, review: at(30), now: at(30) })).toHaveLength(1);
  });
});

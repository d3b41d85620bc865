import { describe, expect, it } from "vitest";
import { BUILTIN } from "./builtin";
import { checkAnswers, importantImprovement, scoreAnswers } from "./scoring";

describe("built-in measures", () => {
  it("PSFS is the mean of the named activities' ratings", () => {
    const answers = [
      { linkId: "activity-1", value: 3, label: "Stairs" },
      { linkId: "activity-2", value: 6, label: "Lifting a child" },
    ];
    expect(checkAnswers(BUILTIN.psfs, answers)).toMatchObject({ ok: true, scored: { score: 4.5, answered: 2 } });
  });
  it("a PSFS activity needs a name and a rating from 0 to 10", () => {
    expect(checkAnswers(BUILTIN.psfs, [{ linkId: "activity-1", value: 3 }])).toMatchObject({ ok: false });
    expect(checkAnswers(BUILTIN.psfs, [{ linkId: "activity-1", value: 11, label: "Stairs" }])).toMatchObject({ ok: false });
  });
  it("NPRS is the one rating", () => {
    expect(scoreAnswers(BUILTIN.nprs, [{ linkId: "pain", value: 7 }]).score).toBe(7);
  });
  it("answers naming an unknown item, or one twice, are refused with it named", () => {
    expect(checkAnswers(BUILTIN.nprs, [{ linkId: "mood", value: 2 }])).toEqual({ ok: false, message: expect.stringContaining('"mood"') });
    expect(
      checkAnswers(BUILTIN.nprs, [
        { linkId: "pain", value: 2 },
        { linkId: "pain", value: 3 },
      ]),
    ).toMatchObject({ ok: false });
  });
  it("the MCID counts in the better direction, in points or (NPRS) 30 % of the first score", () => {
    expect(importantImprovement(BUILTIN.psfs, 3, 5)).toBe(true);
    expect(importantImprovement(BUILTIN.psfs, 5, 3)).toBe(false);
    expect(importantImprovement(BUILTIN.nprs, 8, 7)).toBe(false);
    expect(importantImprovement(BUILTIN.nprs, 5, 3.5)).toBe(true);
  });
});

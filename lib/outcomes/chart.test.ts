import { describe, expect, it } from "vitest";
import { BUILTIN } from "./builtin";
import { buildChart, mcidBand, weeklyAdherence } from "./chart";

const monday = new Date("2026-01-05T00:00:00Z");
const day = (n: number) => new Date(monday.getTime() + n * 86_400_000);

describe("the outcome chart's model", () => {
  it("counts sessions per week against the plan of the version in force", () => {
    const weeks = weeklyAdherence(
      [{ at: day(1) }, { at: day(2) }, { at: day(8) }],
      [
        { at: day(0), plannedPerWeek: 5 },
        { at: day(9), plannedPerWeek: 3 },
      ],
      day(0),
      day(20),
    );
    expect(weeks.map((w) => [w.done, w.planned])).toEqual([
      [2, 5],
      [1, 3],
      [0, 3],
    ]);
  });
  it("plans a week the programme began part-way through only for the days it had", () => {
    // Begun on Wednesday morning: five days of that week are the programme's.
    const wednesday = new Date(day(2).getTime() + 9 * 3_600_000);
    const weeks = weeklyAdherence([{ at: day(3) }], [{ at: wednesday, plannedPerWeek: 14 }], wednesday, day(10));
    expect(weeks.map((w) => [w.start.toISOString().slice(0, 10), w.done, w.planned])).toEqual([
      ["2026-01-05", 1, 10],
      ["2026-01-12", 0, 14],
    ]);
    // One day left in the week still plans at least one session.
    const sunday = new Date(day(6).getTime() + 20 * 3_600_000);
    expect(weeklyAdherence([], [{ at: sunday, plannedPerWeek: 5 }], sunday, sunday)[0]!.planned).toBe(1);
  });
  it("draws the MCID band around the first score; NPRS takes the smaller of 2 points and 30 %", () => {
    const psfs = { ...BUILTIN.psfs, range: { min: 0, max: 10 } };
    expect(mcidBand(psfs, 4)).toEqual({ low: 2, high: 6 });
    const nprs = { ...BUILTIN.nprs, range: { min: 0, max: 10 } };
    expect(mcidBand(nprs, 5)).toEqual({ low: 3.5, high: 6.5 });
    expect(mcidBand({ ...psfs, mcid: null }, 4)).toBeNull();
  });
  it("keeps only measures with a score, with the band clipped to the axis", () => {
    const model = buildChart({
      now: day(30),
      start: day(0),
      versions: [{ version: 1, at: day(0), summary: [], plannedPerWeek: 5 }],
      sessions: [{ at: day(2), pain: 4 }],
      responses: [{ measure: "psfs", at: day(1), score: 9, version: 1 }],
      measures: [
        { key: "psfs", title: "PSFS", mcid: 2, higherIsBetter: true, range: { min: 0, max: 10 } },
        { key: "nprs", title: "Pain", mcid: 2, higherIsBetter: false, range: { min: 0, max: 10 } },
      ],
    });
    expect(model.outcomes).toHaveLength(1);
    expect(model.outcomes[0]!.band).toEqual({ low: 7, high: 10 });
    expect(model.pain).toEqual([{ at: day(2), pain: 4 }]);
  });
});

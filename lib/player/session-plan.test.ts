import { describe, expect, it } from "vitest";
import { sampleProgramme } from "@/lib/programme/sample";
import { estimateSessionMinutes, plannedSessionsPerWeek } from "./session-plan";

describe("planning numbers", () => {
  const item = (timesPerDay: number, daysPerWeek: number) => ({
    dosage: { ...sampleProgramme(1).items[0]!.dosage, timesPerDay, daysPerWeek },
  });

  it("plans as many sessions a week as the most frequent exercise asks for", () => {
    expect(plannedSessionsPerWeek([item(1, 5), item(2, 7)])).toBe(14);
    expect(plannedSessionsPerWeek([item(1, 3)])).toBe(3);
    expect(plannedSessionsPerWeek([])).toBe(0);
  });

  it("estimates the sample session at a believable length", () => {
    const minutes = estimateSessionMinutes(sampleProgramme(5).items);
    expect(minutes % 5).toBe(0);
    expect(minutes).toBeGreaterThanOrEqual(10);
    expect(minutes).toBeLessThanOrEqual(30);
  });
});

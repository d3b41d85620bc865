import { describe, expect, it } from "vitest";
import { addDays, dayLabel, isWeekend, longDate, parseCalendarDay, weekdayDate } from "./dates";

describe("handout dates", () => {
  it("reads a date or a timestamp as the same calendar day, whatever the server's time zone", () => {
    expect(parseCalendarDay("2026-11-23")?.toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(parseCalendarDay("2026-11-23T23:59:00-08:00")?.toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(parseCalendarDay("23/11/2026")).toBeNull();
    expect(parseCalendarDay(null)).toBeNull();
  });

  it("labels chart columns and headings in words", () => {
    const start = parseCalendarDay("2026-11-23")!;
    expect(dayLabel(start)).toEqual(["Mon", "23"]);
    expect(dayLabel(addDays(start, 8))).toEqual(["Tue", "1"]);
    expect(longDate(start)).toBe("23 November 2026");
    expect(weekdayDate(addDays(start, 13))).toBe("Sunday 6 December");
    expect([5, 6, 7].map((d) => isWeekend(addDays(start, d)))).toEqual([true, true, false]);
  });
});

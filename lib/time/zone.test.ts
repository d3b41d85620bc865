import { describe, expect, it } from "vitest";
import { effectiveTimeZone, isTimeZone, offsetMinutes, startOfZonedWeek, wallClock, zonedDay, zonedInstant } from "./zone";

describe("time zones with Intl", () => {
  it("knows IANA names and refuses anything else", () => {
    expect(isTimeZone("Europe/London")).toBe(true);
    expect(isTimeZone("America/Argentina/Buenos_Aires")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("Europe/London\nBcc: x")).toBe(false);
    expect(effectiveTimeZone(null, "Asia/Tokyo")).toBe("Asia/Tokyo");
    expect(effectiveTimeZone("Europe/Paris", "Asia/Tokyo")).toBe("Europe/Paris");
    expect(effectiveTimeZone("nonsense", "Asia/Tokyo")).toBe("Asia/Tokyo");
  });

  it("reads the wall clock and finds the instant of a local time, across summer time", () => {
    expect(wallClock(new Date("2030-07-02T17:00:00Z"), "Europe/London")).toEqual({ date: "2030-07-02", weekday: 1, minute: 18 * 60 });
    expect(wallClock(new Date("2030-12-31T23:30:00Z"), "Asia/Tokyo")).toEqual({ date: "2031-01-01", weekday: 2, minute: 8 * 60 + 30 });
    expect(offsetMinutes(new Date("2030-07-02T12:00:00Z"), "Europe/London")).toBe(60);
    expect(offsetMinutes(new Date("2030-01-02T12:00:00Z"), "America/New_York")).toBe(-300);
    expect(zonedInstant("2030-07-02", 18 * 60, "Europe/London").toISOString()).toBe("2030-07-02T17:00:00.000Z");
    expect(zonedInstant("2030-01-02", 8 * 60, "America/New_York").toISOString()).toBe("2030-01-02T13:00:00.000Z");
    // 31 March 2030: London's clocks go from 01:00 to 02:00; 01:30 does not exist and is taken as 02:30 BST.
    expect(zonedInstant("2030-03-31", 90, "Europe/London").toISOString()).toBe("2030-03-31T01:30:00.000Z");
    // The day the clocks change is 23 hours long.
    const [start, end] = zonedDay(new Date("2030-03-31T12:00:00Z"), "Europe/London");
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(23);
  });

  it("starts the week on the local Monday", () => {
    // Sunday 23:30 in UTC is already Monday in Auckland.
    expect(startOfZonedWeek(new Date("2030-07-07T23:30:00Z"), "UTC").toISOString()).toBe("2030-07-01T00:00:00.000Z");
    expect(startOfZonedWeek(new Date("2030-07-07T23:30:00Z"), "Pacific/Auckland").toISOString()).toBe("2030-07-07T12:00:00.000Z");
  });
});

import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { sampleProgramme } from "@/lib/programme/sample";
import { programmeCalendar, REMINDER_MINUTES } from "./calendar";

const URL = "https://homeplan.example/p/Xy7kP2mQ9rT4vW8zA1bC3dE5";

/** Parsed by Mozilla's ical.js (Thunderbird's reader), which rejects invalid files whole. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((c) => ({ component: c, event: new ICAL.Event(c) }));
}

describe("programme calendar", () => {
  it("parses in ical.js with one recurring event per daily session and an alarm before each", () => {
    const programme = sampleProgramme(3, { startDate: "2026-12-07", reviewDate: "2027-01-04" });
    for (const item of programme.items) item.dosage = { ...item.dosage, timesPerDay: 2, daysPerWeek: 5 };
    const events = parse(programmeCalendar(programme, URL, "2026-12-01"));
    const sessions = events.filter((e) => e.event.summary.startsWith("Exercises:"));
    expect(sessions).toHaveLength(2);
    for (const { component, event } of sessions) {
      expect(event.isRecurring()).toBe(true);
      const rule = component.getFirstPropertyValue("rrule") as ICAL.Recur;
      expect(rule.freq).toBe("WEEKLY");
      expect(rule.parts.BYDAY).toEqual(["MO", "TU", "WE", "TH", "FR"]);
      expect(event.description).toContain(URL);
      const alarms = component.getAllSubcomponents("valarm");
      expect(alarms).toHaveLength(1);
      const trigger = alarms[0]!.getFirstPropertyValue("trigger") as ICAL.Duration;
      expect(trigger).toBeInstanceOf(ICAL.Duration);
      expect(trigger.toSeconds()).toBe(-REMINDER_MINUTES * 60);
    }
    // Floating times at 8:00 and 18:00 on the start date; occurrences stop at the review.
    expect(sessions.map((s) => s.event.startDate.toString())).toEqual(["2026-12-07T08:00:00", "2026-12-07T18:00:00"]);
    expect(sessions[0]!.event.startDate.isDate).toBe(false);
    expect(sessions[0]!.event.startDate.zone?.tzid).toBe("floating");
    const occurrences: string[] = [];
    const it = sessions[0]!.event.iterator();
    for (let next = it.next(); next && occurrences.length < 100; next = it.next()) occurrences.push(next.toString().slice(0, 10));
    expect(occurrences[0]).toBe("2026-12-07");
    expect(occurrences.at(-1)).toBe("2027-01-04");
    expect(occurrences).toHaveLength(20 + 1); // four working weeks, and the Monday of the review

    const review = events.find((e) => e.event.summary.startsWith("Review"));
    expect(review?.event.startDate.toString()).toBe("2027-01-04");
    expect(review?.event.startDate.isDate).toBe(true);
  });

  it("parses for every shape of plan: no dates, one session a day, every day, past start", () => {
    const shapes = [
      sampleProgramme(1, { startDate: null, reviewDate: null }),
      sampleProgramme(5, { startDate: "2026-01-01", reviewDate: "2026-02-01" }),
      sampleProgramme(13, { startDate: "2026-12-01", reviewDate: null }),
    ];
    for (const programme of shapes) {
      const events = parse(programmeCalendar(programme, URL, "2026-12-01"));
      expect(events.length).toBeGreaterThan(0);
      for (const { component } of events) {
        for (const alarm of component.getAllSubcomponents("valarm")) {
          expect((alarm.getFirstPropertyValue("trigger") as ICAL.Duration).toSeconds()).toBeLessThan(0);
        }
      }
    }
  });
});

describe("programme calendar in a time zone", () => {
  it("carries the zone, so ical.js reads 08:00 and 18:00 London time on both sides of the clock change", () => {
    const programme = sampleProgramme(2, { startDate: "2027-03-22", reviewDate: "2027-04-05" });
    for (const item of programme.items) item.dosage = { ...item.dosage, timesPerDay: 2, daysPerWeek: 7 };
    const text = programmeCalendar(programme, URL, "2027-03-01", "Europe/London");
    expect(text).toContain("DTSTART;TZID=Europe/London:20270322T080000");
    const calendar = new ICAL.Component(ICAL.parse(text));
    // Register the file's own VTIMEZONE, as a calendar app does on import.
    const zone = new ICAL.Timezone(calendar.getFirstSubcomponent("vtimezone")!);
    ICAL.TimezoneService.register(zone, "Europe/London");
    try {
      const morning = new ICAL.Event(
        calendar.getAllSubcomponents("vevent").find((c) => c.getFirstPropertyValue("dtstart")!.toString().endsWith("08:00:00"))!,
      );
      expect(morning.startDate.zone?.tzid).toBe("Europe/London");
      const utc: string[] = [];
      const local: string[] = [];
      const it = morning.iterator();
      for (let next = it.next(); next && utc.length < 40; next = it.next()) {
        utc.push(next.toJSDate().toISOString());
        local.push(next.toString());
      }
      // Every occurrence is 08:00 on the wall, every day to the review, inclusive.
      expect(local.every((t) => t.endsWith("T08:00:00"))).toBe(true);
      expect(local[0]).toBe("2027-03-22T08:00:00");
      expect(local.at(-1)).toBe("2027-04-05T08:00:00");
      // GMT before 28 March 2027, BST after: the instants move, the wall time does not.
      expect(utc[0]).toBe("2027-03-22T08:00:00.000Z");
      expect(utc.at(-1)).toBe("2027-04-05T07:00:00.000Z");
    } finally {
      ICAL.TimezoneService.remove("Europe/London");
    }
  });

  it("works for a zone without summer time and one east of UTC", () => {
    const programme = sampleProgramme(1, { startDate: "2027-01-04", reviewDate: "2027-01-18" });
    const text = programmeCalendar(programme, URL, "2027-01-01", "Asia/Kolkata");
    const calendar = new ICAL.Component(ICAL.parse(text));
    ICAL.TimezoneService.register(new ICAL.Timezone(calendar.getFirstSubcomponent("vtimezone")!), "Asia/Kolkata");
    try {
      const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
      expect(event.startDate.toString()).toBe("2027-01-04T08:00:00");
      expect(event.startDate.toJSDate().toISOString()).toBe("2027-01-04T02:30:00.000Z");
    } finally {
      ICAL.TimezoneService.remove("Asia/Kolkata");
    }
  });
});

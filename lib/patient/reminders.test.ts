import { describe, expect, it, vi } from "vitest";

vi.mock("@/lib/email/sender", () => ({ deliverSoon: () => {} }));
const { isPlannedDay, reminderDue } = await import("./reminders");

const plan = { sendAtMinute: 18 * 60, lastSentOn: null, startDate: "2030-07-01", reviewDate: "2030-07-31", daysPerWeek: 5 };
const clock = (date: string, weekday: number, minute: number) => ({ date, weekday, minute });

describe("when a reminder is due", () => {
  it("is due from the chosen time on a planned day, once", () => {
    expect(reminderDue(plan, clock("2030-07-02", 1, 18 * 60 - 1))).toBe(false);
    expect(reminderDue(plan, clock("2030-07-02", 1, 18 * 60))).toBe(true);
    expect(reminderDue({ ...plan, lastSentOn: "2030-07-02" }, clock("2030-07-02", 1, 19 * 60))).toBe(false);
  });

  it("keeps quiet hours, rest days and the programme's dates", () => {
    expect(reminderDue(plan, clock("2030-07-02", 1, 21 * 60))).toBe(false);
    expect(reminderDue({ ...plan, sendAtMinute: 8 * 60 }, clock("2030-07-02", 1, 7 * 60))).toBe(false);
    // Five days a week: Monday to Friday, as the calendar file schedules them.
    expect(isPlannedDay(plan, clock("2030-07-06", 5, 0))).toBe(false);
    expect(isPlannedDay(plan, clock("2030-06-28", 4, 0))).toBe(false);
    expect(isPlannedDay(plan, clock("2030-08-01", 3, 0))).toBe(false);
    expect(isPlannedDay({ ...plan, daysPerWeek: 0 }, clock("2030-07-02", 1, 0))).toBe(false);
  });
});

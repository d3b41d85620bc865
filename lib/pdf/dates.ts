import { formatDate } from "@/lib/dates";

/*
 * Calendar days for the printed handout. Dates arrive as ISO strings ("2026-11-23" or a
 * full timestamp) and are treated as plain calendar days in UTC, so the day printed never
 * shifts with the server's time zone; they are written like every other date (lib/dates.ts).
 */

const DAY_MS = 86_400_000;

/** The calendar day of an ISO date or timestamp, as a UTC midnight Date; null when unreadable. */
export function parseCalendarDay(iso: string | null | undefined): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? "");
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? null : date;
}

export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

/** "21 November 2026": day first and the month in words, unambiguous on both sides of the Atlantic. */
export function longDate(day: Date): string {
  return formatDate(day, { day: "numeric", month: "long", year: "numeric" });
}

/** "Monday 23 November". */
export function weekdayDate(day: Date): string {
  return formatDate(day, { weekday: "long", day: "numeric", month: "long" });
}

/** The two lines of a chart column heading: ["Mon", "23"]. */
export function dayLabel(day: Date): [string, string] {
  return [formatDate(day, { weekday: "short" }), formatDate(day, { day: "numeric" })];
}

export function isWeekend(day: Date): boolean {
  const weekday = day.getUTCDay();
  return weekday === 0 || weekday === 6;
}

/*
 * Calendar dates for the printed handout. Dates arrive as ISO strings ("2026-11-23" or a
 * full timestamp) and are treated as plain calendar days in UTC, so the day printed never
 * shifts with the server's time zone. English names are spelled out here rather than
 * through Intl so every server prints the same words.
 */

const WEEKDAYS_SHORT = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

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
  return `${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
}

/** "Monday 23 November". */
export function weekdayDate(day: Date): string {
  return `${WEEKDAYS[day.getUTCDay()]} ${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]}`;
}

/** The two lines of a chart column heading: ["Mon", "23"]. */
export function dayLabel(day: Date): [string, string] {
  return [WEEKDAYS_SHORT[day.getUTCDay()]!, String(day.getUTCDate())];
}

export function isWeekend(day: Date): boolean {
  const weekday = day.getUTCDay();
  return weekday === 0 || weekday === 6;
}

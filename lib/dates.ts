/*
 * Every date people read is written here, one way: British English, day before month and
 * the month in letters ("21 Nov 2026", "Monday 23 November"), so no reader on either side
 * of the Atlantic takes 3/4 for the wrong day. A calendar date ("2026-11-21") stays that
 * day wherever it is read; an instant is shown in UTC unless the caller names the zone it
 * belongs to (the clinic's or the patient's, lib/time/zone.ts).
 */

const formats = new Map<string, Intl.DateTimeFormat>();

/** Making a formatter costs far more than using one, and pages format on every visit: one per set of options. */
function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", options);
    formats.set(key, format);
  }
  return format;
}

/** "21 Nov 2026" by default; other parts (weekday, time, a `timeZone`) through `options`. */
export function formatDate(
  value: Date | string,
  options: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" },
): string {
  const date = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return formatter({ timeZone: "UTC", ...options }).format(date);
}

/** "23 Nov, 18:05" in `timeZone`: when something happened, for lists of events. */
export function formatDateTime(value: Date, timeZone: string): string {
  return formatDate(value, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone });
}

/** Today as YYYY-MM-DD in UTC. */
export function isoToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A calendar date that exists: "2024-02-29" yes, "2024-02-31" no. */
export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Dates as people in the clinic read them: "21 Nov 2026". Date-only strings stay in their own day. */
export function formatDate(
  value: Date | string,
  options: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" },
): string {
  const date = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return date.toLocaleDateString("en-GB", { timeZone: "UTC", ...options });
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

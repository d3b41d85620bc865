/** Dates as people in the clinic read them: "21 Nov 2026". Date-only strings stay in their own day. */
export function formatDate(value: Date | string, options: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" }): string {
  const date = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return date.toLocaleDateString("en-GB", { timeZone: "UTC", ...options });
}

/** Today as YYYY-MM-DD in UTC. */
export function isoToday(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/*
 * Email reminders for a missed session. The patient picks a time of day; nothing is sent
 * in quiet hours, so the choices stop short of them and a late sweep (the server was
 * down at the chosen time) gives up once they begin rather than waking anyone.
 */

/** Quiet hours, local to the patient: from 21:00 until 08:00. */
export const QUIET_HOURS = { startMinute: 21 * 60, endMinute: 8 * 60 } as const;

/** The times a patient may choose, every half hour from 08:00 to 20:30, as minutes after midnight. */
export const REMINDER_MINUTES: readonly number[] = Array.from(
  { length: (QUIET_HOURS.startMinute - QUIET_HOURS.endMinute) / 30 },
  (_, i) => QUIET_HOURS.endMinute + i * 30,
);

export const DEFAULT_REMINDER_MINUTE = 18 * 60;

/** How often the app looks for reminders that are due. */
export const REMINDER_SWEEP_MS = 5 * 60_000;

export function isQuiet(minuteOfDay: number): boolean {
  return minuteOfDay >= QUIET_HOURS.startMinute || minuteOfDay < QUIET_HOURS.endMinute;
}

/** "18:00" */
export function clockLabel(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, "0")}:${String(minuteOfDay % 60).padStart(2, "0")}`;
}

/** "18:00" → 1080, or null for anything that is not one of the choices. */
export function parseReminderTime(value: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const minute = Number(match[1]) * 60 + Number(match[2]);
  return REMINDER_MINUTES.includes(minute) ? minute : null;
}

/*
 * Time-zone arithmetic with Intl alone: the zone database the runtime ships is kept up to
 * date with Node, and the few operations Homeplan needs (a wall-clock reading, the UTC
 * instant of a local time, the start of a local day or week) are small.
 */

/** True for an IANA name the runtime knows ("Europe/London"); "UTC" included. */
export function isTimeZone(name: string): boolean {
  if (!name || name.length > 64 || !/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The zone this server runs in, the default for a clinic that has not chosen one. */
function serverTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isTimeZone(zone) ? zone : "UTC";
}

/** The zone that applies to a patient: their own, else the clinic's, else the server's. */
export function effectiveTimeZone(patientZone: string | null | undefined, clinicZone: string | null | undefined): string {
  if (patientZone && isTimeZone(patientZone)) return patientZone;
  if (clinicZone && isTimeZone(clinicZone)) return clinicZone;
  return serverTimeZone();
}

/** Every zone name the runtime knows, for a picker. */
export function timeZoneNames(): string[] {
  const names = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.("timeZone") ?? [];
  return names.includes("UTC") ? names : ["UTC", ...names];
}

export type WallClock = {
  /** YYYY-MM-DD */
  date: string;
  /** 0 = Monday … 6 = Sunday */
  weekday: number;
  /** Minutes after local midnight. */
  minute: number;
};

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(zone, f);
  }
  return f;
}

function fields(at: Date, zone: string) {
  const out: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(at)) if (part.type !== "literal") out[part.type] = Number(part.value);
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour! % 24, minute: out.minute!, second: out.second! };
}

/** What a clock on the wall in `zone` reads at `at`. */
export function wallClock(at: Date, zone: string): WallClock {
  const f = fields(at, zone);
  const date = `${f.year}-${String(f.month).padStart(2, "0")}-${String(f.day).padStart(2, "0")}`;
  const weekday = (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
  return { date, weekday, minute: f.hour * 60 + f.minute };
}

/** Minutes `zone` is ahead of UTC at `at` (London in summer: 60). */
export function offsetMinutes(at: Date, zone: string): number {
  const f = fields(at, zone);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall clock in `zone` reads `minute` on `date`. In a spring-forward gap
 * the later side is taken (02:30 that does not exist becomes 03:30), as calendars do.
 */
export function zonedInstant(date: string, minute: number, zone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const naive = Date.UTC(y, m - 1, d, 0, minute);
  // Two passes settle on the offset in force at the answer, even across a change.
  let guess = naive - offsetMinutes(new Date(naive), zone) * 60_000;
  guess = naive - offsetMinutes(new Date(guess), zone) * 60_000;
  return new Date(guess);
}

/** [start, end) of the local day holding `at`. */
export function zonedDay(at: Date, zone: string): [Date, Date] {
  const { date } = wallClock(at, zone);
  return [zonedInstant(date, 0, zone), zonedInstant(addDays(date, 1), 0, zone)];
}

/** Monday 00:00 local of the week holding `at`: "this week" for the patient's count. */
export function startOfZonedWeek(at: Date, zone: string): Date {
  const { date, weekday } = wallClock(at, zone);
  return zonedInstant(addDays(date, -weekday), 0, zone);
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

import { offsetMinutes, wallClock } from "./zone";

/*
 * A VTIMEZONE (RFC 5545 §3.6.5) for one IANA zone, written from the runtime's own zone
 * data: every change of offset between two instants, found by stepping a day at a time
 * and narrowing to the minute. Each change is its own observance (no RRULE), which every
 * reader understands and which stays right when a country changes its rules.
 */

// Offsets never change twice within a week, so stepping a week at a time misses none.
const STEP = 7 * 86_400_000;

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

/** A local wall time as iCalendar writes it: 20300331T010000. */
function localStamp(at: Date, zone: string): string {
  const { date, minute } = wallClock(at, zone);
  return `${date.replace(/-/g, "")}T${String(Math.floor(minute / 60)).padStart(2, "0")}${String(minute % 60).padStart(2, "0")}00`;
}

export type Transition = { at: Date; from: number; to: number };

/** Every offset change in [from, to), to the minute. */
function transitions(zone: string, from: Date, to: Date): Transition[] {
  const found: Transition[] = [];
  let previous = offsetMinutes(from, zone);
  for (let t = from.getTime() + STEP; t < to.getTime() + STEP; t += STEP) {
    const now = offsetMinutes(new Date(t), zone);
    if (now === previous) continue;
    // The change lies in (t - STEP, t]: narrow it to the minute.
    let lo = t - STEP;
    let hi = t;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetMinutes(new Date(mid), zone) === previous) lo = mid;
      else hi = mid;
    }
    found.push({ at: new Date(hi), from: previous, to: now });
    previous = now;
  }
  return found;
}

const written = new Map<string, string>();

/**
 * The VTIMEZONE lines (CRLF-joined) covering whole years around [from, to). The same
 * zone and years give the same text, so it is written once per process.
 */
export function vtimezone(zone: string, from: Date, to: Date): string {
  const key = `${zone}/${from.getUTCFullYear()}/${to.getUTCFullYear()}`;
  let text = written.get(key);
  if (!text) {
    text = writeVtimezone(zone, new Date(Date.UTC(from.getUTCFullYear(), 0, 1)), new Date(Date.UTC(to.getUTCFullYear() + 1, 0, 1)));
    if (written.size > 500) written.clear();
    written.set(key, text);
  }
  return text;
}

function writeVtimezone(zone: string, from: Date, to: Date): string {
  const start = offsetMinutes(from, zone);
  const changes = transitions(zone, from, to);
  const lines = ["BEGIN:VTIMEZONE", `TZID:${zone}`];
  // What holds at the start of the range, so every instant in it has an observance.
  const first = changes[0];
  const baseIsDaylight = first ? first.to < start : false;
  lines.push(
    `BEGIN:${baseIsDaylight ? "DAYLIGHT" : "STANDARD"}`,
    `DTSTART:${localStamp(from, zone)}`,
    `TZOFFSETFROM:${offsetText(start)}`,
    `TZOFFSETTO:${offsetText(start)}`,
    `END:${baseIsDaylight ? "DAYLIGHT" : "STANDARD"}`,
  );
  for (const change of changes) {
    const kind = change.to > change.from ? "DAYLIGHT" : "STANDARD";
    // DTSTART is the wall time just before the change, read with the offset it leaves.
    const before = new Date(change.at.getTime() + change.from * 60_000);
    const stamp = before.toISOString().slice(0, 19).replace(/[-:]/g, "");
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${stamp}`,
      `TZOFFSETFROM:${offsetText(change.from)}`,
      `TZOFFSETTO:${offsetText(change.to)}`,
      `END:${kind}`,
    );
  }
  lines.push("END:VTIMEZONE");
  return lines.join("\r\n");
}

import { createEvents, type EventAttributes } from "ics";
import type { ProgrammeView } from "@/lib/programme/view";
import { estimateSessionMinutes } from "@/lib/player/session-plan";
import { vtimezone } from "@/lib/time/vtimezone";
import { zonedInstant } from "@/lib/time/zone";

const DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
const TIMES: [number, number][] = [
  [8, 0],
  [18, 0],
  [13, 0],
  [10, 0],
  [16, 0],
  [20, 0],
];

const parts = (iso: string) => iso.split("-").map(Number) as [number, number, number];
const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** The phone reminds the patient this long before each session. */
export const REMINDER_MINUTES = 5;

/**
 * Reminders for a phone calendar: the sessions from the start date to the review date,
 * at the times of day the plan asks for, and the review itself. With a time zone (the
 * patient's, else the clinic's) session times carry it (RFC 5545 form 3, TZID with a
 * VTIMEZONE), so "8 am" stays 8 am where the patient lives even when the phone is set
 * to another zone; the UNTIL of such a rule is then in UTC, as RFC 5545 requires.
 * Without one they are floating (form 1). Each session has a display alarm a few
 * minutes before: a zero-minute alarm is written by the `ics` library as "-PT", which is
 * not a duration and makes strict readers reject the file.
 */
export function programmeCalendar(p: ProgrammeView, url: string, today: string, timeZone?: string): string {
  const start = p.startDate && p.startDate > today ? p.startDate : today;
  const until = p.reviewDate && p.reviewDate > start ? p.reviewDate : addDays(start, 28);
  const perDay = Math.max(1, ...p.items.map((i) => i.dosage.timesPerDay));
  const daysPerWeek = Math.max(1, ...p.items.map((i) => Math.min(7, i.dosage.daysPerWeek)));
  const minutes = estimateSessionMinutes(p.items);
  const description = `${p.items.map((i) => i.name).join(", ")}.\n\nOpen your plan: ${url}\n\nStop any exercise that makes your pain worse.`;
  const [uy, um, ud] = parts(until);
  const floatingUntil = `${uy}${String(um).padStart(2, "0")}${String(ud).padStart(2, "0")}T235959`;
  const untilText = timeZone ? utcStamp(new Date(zonedInstant(addDays(until, 1), 0, timeZone).getTime() - 1000)) : floatingUntil;
  const events: EventAttributes[] = TIMES.slice(0, Math.min(perDay, TIMES.length)).map(([hour, minute], i) => ({
    uid: `${p.programmeId}-session-${i}@homeplan`,
    title: `Exercises: ${p.title}`,
    description,
    url,
    start: [...parts(start), hour, minute],
    startInputType: "local",
    startOutputType: "local",
    duration: { minutes },
    recurrenceRule: `FREQ=WEEKLY;BYDAY=${DAYS.slice(0, daysPerWeek).join(",")};UNTIL=${untilText}`,
    productId: "homeplan",
    alarms: [
      { action: "display", description: `Time for your exercises: ${p.title}`, trigger: { minutes: REMINDER_MINUTES, before: true } },
    ],
  }));
  if (p.reviewDate) {
    events.push({
      uid: `${p.programmeId}-review@homeplan`,
      title: `Review your exercises with ${p.clinician.name}`,
      description: `Your plan is due for a review with ${p.clinic.name}${p.clinic.phone ? ` (${p.clinic.phone})` : ""}.`,
      start: parts(p.reviewDate),
      end: parts(addDays(p.reviewDate, 1)),
      productId: "homeplan",
    });
  }
  const { error, value } = createEvents(events);
  if (error || !value) throw error ?? new Error("calendar could not be written");
  return timeZone ? inZone(value, timeZone, start, until) : value;
}

const utcStamp = (at: Date) => `${at.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;

/**
 * The `ics` library writes local times only as floating ones: name the zone on each
 * (DTSTART;TZID=…) and put its VTIMEZONE before the first event. All-day dates
 * (VALUE=DATE) and UTC stamps are left alone.
 */
function inZone(calendar: string, zone: string, start: string, until: string): string {
  const from = zonedInstant(addDays(start, -1), 0, zone);
  const to = zonedInstant(addDays(until, 2), 0, zone);
  const zoned = calendar.replace(
    /^(DTSTART|DTEND):(\d{8}T\d{6})\r?$/gm,
    (_m, name: string, stamp: string) => `${name};TZID=${zone}:${stamp}\r`,
  );
  const at = zoned.indexOf("BEGIN:VEVENT");
  return `${zoned.slice(0, at)}${vtimezone(zone, from, to)}\r\n${zoned.slice(at)}`;
}

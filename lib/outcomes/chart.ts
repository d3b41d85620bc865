import { startOfZonedWeek } from "@/lib/time/zone";

const startOfWeek = (at: Date) => startOfZonedWeek(at, "UTC");

/*
 * What the clinician's outcome chart draws, on one time axis: each measure's scores
 * with its MCID band, weekly adherence, session pain and a marker per programme
 * version. Pure, so the drawing (components/records/outcome-chart.tsx) only places it.
 */

const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** The chart shows at most this many weeks back from today. */
export const CHART_WEEKS = 26;

export type ChartMeasure = {
  key: string;
  title: string;
  mcid: number | null;
  mcidPercent?: number;
  higherIsBetter: boolean;
  range: { min: number; max: number } | null;
};
export type ChartModel = {
  from: Date;
  to: Date;
  versions: { version: number; at: Date; summary: string[] }[];
  weeks: { start: Date; done: number; planned: number }[];
  pain: { at: Date; pain: number }[];
  outcomes: {
    measure: ChartMeasure;
    points: { at: Date; score: number; version: number }[];
    band: { low: number; high: number } | null;
    axis: { min: number; max: number };
  }[];
};

/**
 * Sessions done against sessions planned, per week (Monday to Sunday, UTC), the plan
 * being that of the newest version saved by the week's end (or the first version). A week
 * the chart starts in part-way (a programme begun on a Wednesday) plans only for the days
 * it had: 14 a week from Wednesday is 10, not 14 missed by the days before it existed.
 */
export function weeklyAdherence(sessions: { at: Date }[], versions: { at: Date; plannedPerWeek: number }[], from: Date, to: Date) {
  const weeks: { start: Date; done: number; planned: number }[] = [];
  const ordered = [...versions].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (let start = startOfWeek(from); start.getTime() <= to.getTime(); start = new Date(start.getTime() + WEEK)) {
    const end = start.getTime() + WEEK;
    const inForce = ordered.filter((v) => v.at.getTime() < end).at(-1) ?? ordered[0];
    const done = sessions.filter((s) => s.at.getTime() >= start.getTime() && s.at.getTime() < end).length;
    const days = Math.ceil((end - Math.max(start.getTime(), from.getTime())) / DAY);
    weeks.push({ start, done, planned: Math.ceil(((inForce?.plannedPerWeek ?? 0) * days) / 7) });
  }
  return weeks;
}

/**
 * The MCID band around the first score: a later score outside it changed by at least
 * the MCID. NPRS's alternative (30 % of the first score) widens the band only when it
 * is the smaller change, since either counts.
 */
export function mcidBand(measure: ChartMeasure, baseline: number): { low: number; high: number } | null {
  if (measure.mcid === null && measure.mcidPercent === undefined) return null;
  const points = [measure.mcid, measure.mcidPercent !== undefined ? (Math.abs(baseline) * measure.mcidPercent) / 100 : null].filter(
    (n): n is number => n !== null && n > 0,
  );
  if (points.length === 0) return null;
  const half = Math.min(...points);
  return { low: baseline - half, high: baseline + half };
}

/** The y-axis of a measure: its declared range, else the scores' own with some room. */
function measureAxis(measure: ChartMeasure, scores: number[]): { min: number; max: number } {
  if (measure.range) return measure.range;
  const lo = Math.min(0, ...scores);
  const hi = Math.max(1, ...scores);
  return { min: lo, max: Math.ceil(hi * 1.1) };
}

export function buildChart(input: {
  now: Date;
  start: Date;
  versions: { version: number; at: Date; summary: string[]; plannedPerWeek: number }[];
  sessions: { at: Date; pain: number | null }[];
  responses: { measure: string; at: Date; score: number | null; version: number }[];
  measures: ChartMeasure[];
}): ChartModel {
  const earliest = new Date(input.now.getTime() - CHART_WEEKS * WEEK);
  const from = input.start.getTime() > earliest.getTime() ? input.start : earliest;
  const within = (at: Date) => at.getTime() >= from.getTime() && at.getTime() <= input.now.getTime();
  const outcomes = input.measures.flatMap((measure) => {
    const all = input.responses.filter((r) => r.measure === measure.key && r.score !== null);
    if (all.length === 0) return [];
    const points = all.filter((r) => within(r.at)).map((r) => ({ at: r.at, score: r.score!, version: r.version }));
    // The baseline is the first score ever, even when it is older than the window.
    const band = mcidBand(measure, all[0]!.score!);
    const axis = measureAxis(measure, [...points.map((p) => p.score), ...(band ? [band.low, band.high] : [])]);
    return [{ measure, points, band: band ? { low: Math.max(axis.min, band.low), high: Math.min(axis.max, band.high) } : null, axis }];
  });
  return {
    from,
    to: input.now,
    versions: input.versions.filter((v) => within(v.at)).map(({ version, at, summary }) => ({ version, at, summary })),
    weeks: weeklyAdherence(
      input.sessions.filter((s) => within(s.at)),
      input.versions,
      from,
      input.now,
    ),
    pain: input.sessions.filter((s) => s.pain !== null && within(s.at)).map((s) => ({ at: s.at, pain: s.pain! })),
    outcomes,
  };
}

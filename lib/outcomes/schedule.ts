import { ANSWER_EARLY_DAYS, OVERDUE_AFTER_DAYS } from "@/lib/domain/outcomes";

/** When a measure is asked on a programme (one row of outcome_schedules). */
export type ScheduleRule = { measure: string; atStart: boolean; everyWeeks: number | null; atReview: boolean };
export type Due = { measure: string; /** The occasion it is due for. */ since: Date; overdue: boolean };

const DAY = 86_400_000;

/**
 * The occasions of one rule up to `now`, oldest first: the programme's start, every N
 * weeks after it, and the review date. `start` is when the programme was first saved.
 */
function occasions(rule: ScheduleRule, start: Date, review: Date | null, now: Date): Date[] {
  const found: Date[] = [];
  if (rule.atStart) found.push(start);
  if (rule.everyWeeks) {
    for (let t = start.getTime() + rule.everyWeeks * 7 * DAY; t <= now.getTime(); t += rule.everyWeeks * 7 * DAY) found.push(new Date(t));
  }
  if (rule.atReview && review && review.getTime() <= now.getTime()) found.push(review);
  return found.filter((d) => d.getTime() <= now.getTime()).sort((a, b) => a.getTime() - b.getTime());
}

/**
 * What the patient is asked now: for each scheduled measure, its latest occasion, unless
 * it was answered since (or a few days before). A missed occasion is not asked for
 * again once a newer one comes: only the latest counts.
 */
export function dueMeasures(
  rules: ScheduleRule[],
  answers: { measure: string; answeredAt: Date }[],
  context: { start: Date; review: Date | null; now: Date },
): Due[] {
  return rules.flatMap((rule) => {
    const latest = occasions(rule, context.start, context.review, context.now).at(-1);
    if (!latest) return [];
    const from = latest.getTime() - ANSWER_EARLY_DAYS * DAY;
    if (answers.some((a) => a.measure === rule.measure && a.answeredAt.getTime() >= from)) return [];
    return [{ measure: rule.measure, since: latest, overdue: context.now.getTime() - latest.getTime() >= OVERDUE_AFTER_DAYS * DAY }];
  });
}

/** A review date ("2026-03-01", a calendar date) as the start of that day in UTC. */
export function reviewInstant(date: string | null): Date | null {
  return date ? new Date(`${date}T00:00:00Z`) : null;
}

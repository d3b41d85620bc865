import { OUTCOME_LIMITS } from "@/lib/domain/outcomes";
import { answerableItems, isScored, itemMax, type Answer, type MeasureDefinition } from "./measure";

export type Scored = { score: number | null; answered: number; /** Of the scored items. */ total: number };
export type AnswerCheck = { ok: true; answers: Answer[]; scored: Scored } | { ok: false; message: string };

/** Rounded for storage and display: two decimals are finer than any MCID. */
const round = (n: number) => Math.round(n * 100) / 100;

/**
 * The declared rule over the answered scored items only; an unanswered item neither
 * counts as 0 nor lowers the maximum. No scored answer gives no score (null), not 0.
 * - sum: the item scores added
 * - mean: their mean
 * - percent: their sum as a percent of the sum of those items' maxima (Oswestry's rule)
 */
export function scoreAnswers(measure: MeasureDefinition, answers: Answer[]): Scored {
  const byId = new Map(answers.map((a) => [a.linkId, a]));
  const scoredItems = answerableItems(measure.items).filter(isScored);
  const points: { score: number; max: number | null }[] = [];
  for (const item of scoredItems) {
    const answer = byId.get(item.linkId);
    if (!answer) continue;
    if (item.type === "choice") {
      const option = item.options.find((o) => o.code === answer.value);
      if (option) points.push({ score: option.score, max: itemMax(item) });
    } else if (typeof answer.value === "number") {
      points.push({ score: answer.value, max: itemMax(item) });
    }
  }
  const total = scoredItems.length;
  if (points.length === 0) return { score: null, answered: 0, total };
  const sum = points.reduce((n, p) => n + p.score, 0);
  if (measure.rule === "sum") return { score: round(sum), answered: points.length, total };
  if (measure.rule === "mean") return { score: round(sum / points.length), answered: points.length, total };
  const max = points.reduce((n, p) => n + (p.max ?? 0), 0);
  return { score: max > 0 ? round((sum / max) * 100) : null, answered: points.length, total };
}

/**
 * Checks answers against the measure (each names one of its items once, with a value
 * that item can take) and scores them. Anything else is refused with the item named;
 * the patient's form cannot make such answers, so a refusal means a forged request.
 */
export function checkAnswers(measure: MeasureDefinition, answers: Answer[]): AnswerCheck {
  const items = new Map(answerableItems(measure.items).map((i) => [i.linkId, i]));
  const seen = new Set<string>();
  for (const answer of answers) {
    const item = items.get(answer.linkId);
    if (!item) return { ok: false, message: `"${answer.linkId}" is not a question of ${measure.shortTitle}.` };
    if (seen.has(answer.linkId)) return { ok: false, message: `"${answer.linkId}" is answered twice.` };
    seen.add(answer.linkId);
    const v = answer.value;
    const bad = (why: string): AnswerCheck => ({ ok: false, message: `"${answer.linkId}": ${why}.` });
    if (answer.label !== undefined && item.type !== "activity") return bad("only an activity takes a name");
    switch (item.type) {
      case "choice":
        if (!item.options.some((o) => o.code === v)) return bad("not one of its choices");
        break;
      case "string":
        if (typeof v !== "string" || v.length > OUTCOME_LIMITS.stringAnswer.max) return bad("expected text");
        break;
      case "activity":
        if (typeof v !== "number" || !Number.isInteger(v) || v < item.min || v > item.max)
          return bad(`expected a whole number from ${item.min} to ${item.max}`);
        if (!answer.label?.trim() || answer.label.length > OUTCOME_LIMITS.activityName.max) return bad("the activity needs a name");
        break;
      case "integer":
      case "decimal":
        if (typeof v !== "number" || !Number.isFinite(v) || (item.type === "integer" && !Number.isInteger(v)))
          return bad(`expected ${item.type === "integer" ? "a whole number" : "a number"}`);
        if ((item.min !== null && v < item.min) || (item.max !== null && v > item.max)) return bad("out of range");
        break;
    }
  }
  const scored = scoreAnswers(measure, answers);
  if (scored.answered === 0 && answers.length === 0) return { ok: false, message: "No question was answered." };
  return { ok: true, answers, scored };
}

/**
 * Whether the change from `baseline` to `score` reaches the measure's MCID in the
 * better direction: points, or (NPRS) a share of the baseline, whichever is met.
 */
export function importantImprovement(
  measure: Pick<MeasureDefinition, "mcid" | "mcidPercent" | "higherIsBetter">,
  baseline: number,
  score: number,
): boolean {
  const gain = measure.higherIsBetter ? score - baseline : baseline - score;
  if (measure.mcid !== null && gain >= measure.mcid) return true;
  return measure.mcidPercent !== undefined && baseline !== 0 && gain / Math.abs(baseline) >= measure.mcidPercent / 100;
}

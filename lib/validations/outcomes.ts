import { z } from "zod";
import { MEASURE_KEY, OUTCOME_LIMITS, SCORING_RULES } from "@/lib/domain/outcomes";
import type { ScheduleRule } from "@/lib/outcomes/schedule";

const listOf = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(40)).max(50));

/**
 * The programme's measure schedule as the form sends it: `start` and `review` list the
 * measures ticked for those times, `weeks:<measure>` holds "every N weeks" ("" for never).
 */
export const outcomeScheduleSchema = z.looseObject({ programmeId: z.uuid(), start: listOf, review: listOf });

export function scheduleRules(data: z.infer<typeof outcomeScheduleSchema>): { rules: ScheduleRule[] } | { error: string } {
  const weeks = new Map<string, number>();
  for (const [field, value] of Object.entries(data)) {
    if (!field.startsWith("weeks:") || value === "") continue;
    const n = Number(value);
    const { min, max } = OUTCOME_LIMITS.everyWeeks;
    if (!Number.isInteger(n) || n < min || n > max) return { error: `"Every N weeks" must be from ${min} to ${max}.` };
    weeks.set(field.slice("weeks:".length), n);
  }
  const keys = new Set([...data.start, ...data.review, ...weeks.keys()]);
  if ([...keys].some((k) => !MEASURE_KEY.test(k))) return { error: "That measure is not one this clinic can use." };
  return {
    rules: [...keys].sort().map((measure) => ({
      measure,
      atStart: data.start.includes(measure),
      everyWeeks: weeks.get(measure) ?? null,
      atReview: data.review.includes(measure),
    })),
  };
}

export const questionnaireImportSchema = z.object({
  json: z
    .string()
    .trim()
    .min(2, "Paste the Questionnaire's JSON.")
    .max(OUTCOME_LIMITS.questionnaireJson.max, "That is too long for one questionnaire."),
  rule: z.enum(SCORING_RULES, "Choose how the answers make a score."),
  mcid: z.preprocess(
    (v) => (v === "" || v === undefined ? null : Number(v)),
    z.number("Give the MCID as a number, or leave it empty.").min(OUTCOME_LIMITS.mcid.min).max(OUTCOME_LIMITS.mcid.max).nullable(),
  ),
  direction: z.enum(["higher", "lower"], "Say whether a higher score is better or worse."),
});

/**
 * Outcome measures: the values defined once. The database enum and checks, the zod
 * schemas of the import, the schedule form and the answer route read them from here.
 */

/** How a measure's answers make one score (over the answered items only). */
export const SCORING_RULES = ["sum", "mean", "percent"] as const;
export type ScoringRule = (typeof SCORING_RULES)[number];
export const SCORING_RULE_LABELS: Record<ScoringRule, string> = {
  sum: "Sum of the item scores",
  mean: "Mean of the item scores",
  percent: "Percent of the maximum over answered items",
};

/** FHIR R4 Questionnaire item types an imported measure may use. */
export const SUPPORTED_ITEM_TYPES = ["integer", "decimal", "choice", "string", "display", "group"] as const;

/** The built-in measures, free to use; their text is in lib/outcomes/builtin.ts, their sources in content/outcomes/. */
export const BUILTIN_MEASURES = ["psfs", "nprs"] as const;
export type BuiltinMeasure = (typeof BUILTIN_MEASURES)[number];
/** An imported measure's key: its row id behind a prefix no built-in key starts with. */
export const importedMeasureKey = (id: string) => `q-${id}`;
export const isBuiltinMeasure = (key: string): key is BuiltinMeasure => (BUILTIN_MEASURES as readonly string[]).includes(key);
/** The row id inside an imported measure's key; null for a built-in or malformed key. */
export const importedMeasureId = (key: string): string | null => (MEASURE_KEY.test(key) && !isBuiltinMeasure(key) ? key.slice(2) : null);
/** A measure's key: a built-in one, or "q-<uuid>" for a clinic's import. */
export const MEASURE_KEY = new RegExp(`^(${BUILTIN_MEASURES.join("|")}|q-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$`);

export const OUTCOME_LIMITS = {
  /** "every N weeks" */
  everyWeeks: { min: 1, max: 12 },
  /** The PSFS asks for up to five activities. */
  activities: { min: 1, max: 5 },
  activityName: { max: 80 },
  stringAnswer: { max: 500 },
  /** Items in one imported questionnaire (nested ones included). */
  items: { max: 200 },
  title: { max: 120 },
  /** Characters of Questionnaire JSON an owner may paste. */
  questionnaireJson: { max: 200_000 },
  mcid: { min: 0, max: 1000 },
} as const;

/** A scheduled measure is due from its date, and overdue (a reminder is sent) this many days later. */
export const OVERDUE_AFTER_DAYS = 3;
/** Answers given this many days before an occasion count for it (a patient who answers early is not asked twice). */
export const ANSWER_EARLY_DAYS = 3;

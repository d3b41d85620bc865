/**
 * The bounds of one dose, defined once: the zod schemas, the editors' min/max and the
 * database check constraints on programme_items all read them from here.
 */
export const DOSE_LIMITS = {
  sets: { min: 1, max: 20 },
  reps: { min: 1, max: 100 },
  holdSeconds: { min: 0, max: 600 },
  restSeconds: { min: 0, max: 600 },
  timesPerDay: { min: 1, max: 6 },
  daysPerWeek: { min: 1, max: 7 },
} as const satisfies Record<string, { min: number; max: number }>;

export type DoseNumberField = keyof typeof DOSE_LIMITS;
export const DOSE_NUMBER_FIELDS = Object.keys(DOSE_LIMITS) as DoseNumberField[];

/** Longest load ("red band") and note, in characters. */
export const DOSE_TEXT_MAX = { load: 80, note: 300 } as const;

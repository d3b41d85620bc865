/** Most exercises one programme can hold. */
export const MAX_ITEMS = 30;
/** Past this many exercises adherence drops: the builder warns but allows it. */
export const GENTLE_LIMIT = 6;

/**
 * The exercise vocabulary, defined once. The database enums (db/schema.ts), the zod
 * schemas, the label maps and the forms all derive from these lists, so adding a value
 * here is the whole change (plus a migration for the database enum).
 */
export const CATEGORIES = ["stretch", "strengthen", "stabilise", "mobilise"] as const;
export type Category = (typeof CATEGORIES)[number];

export const POSITIONS = ["supine", "prone", "side-lying", "quadruped", "seated", "kneeling", "standing"] as const;
export type Position = (typeof POSITIONS)[number];

export const SIDES = ["none", "each", "alternating"] as const;
export type Sides = (typeof SIDES)[number];

export const EQUIPMENT = ["none", "mat", "chair", "towel", "ball", "block", "pillow"] as const;
export type Equipment = (typeof EQUIPMENT)[number];

export const BODY_REGIONS = ["lower back", "hips", "core", "thoracic spine"] as const;
export type BodyRegion = (typeof BODY_REGIONS)[number];

/** The pain a patient gives after a session: 0 none, 10 the worst. */
export const PAIN_SCALE = { min: 0, max: 10 } as const;

/** A session's comment, in characters (a message in its thread may be as long). */
export const SESSION_COMMENT_MAX = 1000;

/** How a patient rated a session. */
export const DIFFICULTIES = ["too_easy", "about_right", "too_hard"] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

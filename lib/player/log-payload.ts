import { z } from "zod";
import { DIFFICULTIES, PAIN_SCALE, SESSION_COMMENT_MAX } from "@/lib/domain/exercise";

/*
 * What the player POSTs to the log URL as JSON. The server route validates with this
 * schema; the browser only imports the type (zod stays out of the patient's bundle).
 * The idempotency key is also sent as the Idempotency-Key header.
 */

/** Far above any real programme's saves, far below the database's int range (a bigger number was a 500). */
export const LOG_VERSION_MAX = 100_000;

export const sessionLogPayloadSchema = z.strictObject({
  idempotencyKey: z.string().regex(/^[A-Za-z0-9-]{16,64}$/),
  programmeId: z.uuid(),
  version: z.int().min(1).max(LOG_VERSION_MAX),
  startedAt: z.iso.datetime().nullable(),
  completedAt: z.iso.datetime(),
  exercises: z
    .array(
      z.strictObject({
        position: z.int().min(0).max(500),
        exerciseId: z.uuid(),
        setsDone: z.int().min(0).max(100),
        setsPlanned: z.int().min(1).max(100),
        skipped: z.boolean(),
      }),
    )
    .max(100),
  pain: z.int().min(PAIN_SCALE.min).max(PAIN_SCALE.max).nullable(),
  difficulty: z.enum(DIFFICULTIES).nullable(),
  comment: z.string().max(SESSION_COMMENT_MAX),
});

export type SessionLogPayload = z.infer<typeof sessionLogPayloadSchema>;

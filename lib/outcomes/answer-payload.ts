import { z } from "zod";
import { MEASURE_KEY, OUTCOME_LIMITS } from "@/lib/domain/outcomes";
import { LOG_VERSION_MAX } from "@/lib/player/log-payload";

/*
 * What the patient's questionnaire POSTs, one measure at a time, as JSON. Checked here
 * for shape; lib/outcomes/scoring.ts checks the answers against the measure itself.
 * The browser imports only the type (zod stays out of the patient's bundle).
 */

/** Neither a NUL nor half of a surrogate pair: the database's jsonb refuses both. */
const noNul = (v: string) => !/\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(v);

export const answerPayloadSchema = z.strictObject({
  idempotencyKey: z.string().regex(/^[A-Za-z0-9-]{16,64}$/),
  programmeId: z.uuid(),
  version: z.int().min(1).max(LOG_VERSION_MAX),
  measure: z.string().regex(MEASURE_KEY),
  answeredAt: z.iso.datetime(),
  answers: z
    .array(
      z.strictObject({
        linkId: z.string().min(1).max(100).refine(noNul),
        value: z.union([z.number().finite(), z.string().max(OUTCOME_LIMITS.stringAnswer.max).refine(noNul)]),
        label: z.string().max(OUTCOME_LIMITS.activityName.max).refine(noNul).optional(),
      }),
    )
    .min(1)
    .max(OUTCOME_LIMITS.items.max),
});

export type AnswerPayload = z.infer<typeof answerPayloadSchema>;

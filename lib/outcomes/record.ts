import "server-only";
import type { Database } from "@/db/client";
import type { LinkRef } from "@/db/queries/links";
import { getSchedule, insertResponse, programmeHasVersion, type RecordResult, type ResponseInput } from "@/db/queries/outcomes";
import { withinLinkLife } from "@/lib/domain/patient-link";
import { getMeasure } from "./measures";
import { checkAnswers } from "./scoring";

/**
 * One answered measure from the patient's link: for this link's programme, within the
 * link's life, for a version it has, a measure it schedules, and answers the form could
 * have made; then scored and stored once (db/queries/outcomes.ts insertResponse).
 */
export async function recordResponse(db: Database, link: LinkRef, input: ResponseInput): Promise<RecordResult> {
  if (input.programmeId !== link.programmeId) return { error: "wrong_programme" };
  const answeredAt = new Date(input.answeredAt);
  if (!withinLinkLife(answeredAt, link.issuedAt, new Date())) return { error: "invalid" };
  const key = { clinicId: link.clinicId, programmeId: link.programmeId };
  const [hasVersion, rules] = await Promise.all([programmeHasVersion(db, { ...key, version: input.version }), getSchedule(db, key)]);
  if (!hasVersion) return { error: "unknown_version" };
  if (!rules.some((r) => r.measure === input.measure)) return { error: "invalid", message: "This measure is not asked on this programme." };
  const measure = await getMeasure(db, { clinicId: link.clinicId, key: input.measure });
  if (!measure) return { error: "invalid" };
  const checked = checkAnswers(measure, input.answers);
  if (!checked.ok) return { error: "invalid", message: checked.message };
  return insertResponse(db, link, {
    idempotencyKey: input.idempotencyKey,
    version: input.version,
    answeredAt,
    measure,
    answers: checked.answers,
    score: checked.scored.score,
  });
}

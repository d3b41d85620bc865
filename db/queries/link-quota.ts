import "server-only";
import { and, eq, sql, type Column } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { DatabaseOrTransaction } from "@/db/client";
import { LOG_QUOTAS, QUOTA_RETRY_SECONDS } from "@/lib/domain/patient-link";
import type { LinkRef } from "./links";
import { hit, retryAfterSeconds } from "./rate-limits";

/** The columns a link's quota counts by, in the table of what the link sends (session logs, answers). */
type Counted = { table: PgTable; clinicId: Column; linkId: Column; version: Column; at: Column };

/** The UTC calendar day holding `at`, as [start, end): the day a per-day quota counts in. */
export function utcDay(at: Date): [Date, Date] {
  const start = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  return [start, new Date(start.getTime() + 86_400_000)];
}

/**
 * The quotas of what a patient link sends (lib/domain/patient-link.ts): a burst per hour,
 * a count per UTC day and per programme version. Seconds to wait when one is full,
 * null when the new row may be written. Run inside the transaction that writes it,
 * after locking the link row, so concurrent posts cannot all pass.
 */
export async function linkQuotaWait(
  tx: DatabaseOrTransaction,
  link: LinkRef,
  counted: Counted,
  row: { burstKey: string; at: Date; version: number },
): Promise<number | null> {
  if ((await hit(tx, row.burstKey, LOG_QUOTAS.burst)) > LOG_QUOTAS.burst.max) {
    return Math.max(1, await retryAfterSeconds(tx, row.burstKey, LOG_QUOTAS.burst));
  }
  const [dayStart, dayEnd] = utcDay(row.at);
  const [counts] = await tx
    .select({
      // ISO strings: postgres.js takes no Date inside raw SQL.
      day: sql<number>`count(*) filter (where ${counted.at} >= ${dayStart.toISOString()}::timestamptz and ${counted.at} < ${dayEnd.toISOString()}::timestamptz)::int`,
      version: sql<number>`count(*) filter (where ${counted.version} = ${row.version})::int`,
    })
    .from(counted.table)
    .where(and(eq(counted.clinicId, link.clinicId), eq(counted.linkId, link.linkId)));
  return Number(counts?.day) >= LOG_QUOTAS.perDay || Number(counts?.version) >= LOG_QUOTAS.perVersion ? QUOTA_RETRY_SECONDS : null;
}

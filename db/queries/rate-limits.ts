import "server-only";
import { eq, sql } from "drizzle-orm";
import { rowsOf, type DatabaseOrTransaction } from "@/db/client";
import { rateLimits } from "@/db/schema";

export type Limit = { max: number; windowSeconds: number };

/** Seconds until `key` may try again, or 0 when it is not blocked. */
export async function retryAfterSeconds(db: DatabaseOrTransaction, key: string, limit: Limit): Promise<number> {
  const [row] = await db
    .select({
      count: rateLimits.count,
      remaining: sql<number>`ceil(extract(epoch from (${rateLimits.windowStart} + make_interval(secs => ${limit.windowSeconds}) - now())))::int`,
    })
    .from(rateLimits)
    .where(eq(rateLimits.key, key));
  if (!row || row.count < limit.max || row.remaining <= 0) return 0;
  return row.remaining;
}

/**
 * Counts one event in a fixed window, atomically, in the shared database so that every
 * app instance sees the same count. Returns the count in the current window.
 */
export async function hit(db: DatabaseOrTransaction, key: string, limit: Limit): Promise<number> {
  const result = await db.execute(sql`
    insert into rate_limits (key, count, window_start) values (${key}, 1, now())
    on conflict (key) do update set
      count = case when rate_limits.window_start <= now() - make_interval(secs => ${limit.windowSeconds})
                   then 1 else rate_limits.count + 1 end,
      window_start = case when rate_limits.window_start <= now() - make_interval(secs => ${limit.windowSeconds})
                   then now() else rate_limits.window_start end
    returning count`);
  const [row] = rowsOf<{ count: number }>(result);
  return Number(row?.count ?? 1);
}

export async function reset(db: DatabaseOrTransaction, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

/** Takes back one counted event (a success that was counted as an attempt). */
export async function unhit(db: DatabaseOrTransaction, key: string): Promise<void> {
  // A bucket back at zero is removed, so successes leave no rows behind.
  await db.execute(sql`delete from rate_limits where key = ${key} and count <= 1`);
  await db.execute(sql`update rate_limits set count = count - 1 where key = ${key}`);
}

import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
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

/** Every this many hits (per process), one also sweeps ended windows: no timer, and work in small bounded steps. */
const SWEEP_EVERY = 50;
const SWEEP_BATCH = 500;
let hitsSinceSweep = 0;

/**
 * Counts one event in a fixed window, atomically, in the shared database so that every
 * app instance sees the same count. Returns the count in the current window.
 */
export async function hit(db: DatabaseOrTransaction, key: string, limit: Limit): Promise<number> {
  const window = sql`make_interval(secs => ${limit.windowSeconds})`;
  const result = await db.execute(sql`
    insert into rate_limits (key, count, window_start, expires_at) values (${key}, 1, now(), now() + ${window})
    on conflict (key) do update set
      count = case when rate_limits.window_start <= now() - ${window}
                   then 1 else rate_limits.count + 1 end,
      window_start = case when rate_limits.window_start <= now() - ${window}
                   then now() else rate_limits.window_start end,
      expires_at = case when rate_limits.window_start <= now() - ${window}
                   then now() + ${window} else rate_limits.window_start + ${window} end
    returning count`);
  const [row] = rowsOf<{ count: number }>(result);
  hitsSinceSweep += 1;
  if (hitsSinceSweep >= SWEEP_EVERY) {
    hitsSinceSweep = 0;
    await sweepExpiredRateLimits(db);
  }
  return Number(row?.count ?? 1);
}

/**
 * Deletes up to `batch` rows whose window (and any block) has ended; rows another
 * request holds are skipped, not waited for. Returns how many went.
 */
export async function sweepExpiredRateLimits(db: DatabaseOrTransaction, batch = SWEEP_BATCH): Promise<number> {
  const result = await db.execute(sql`
    delete from rate_limits where key in (
      select key from rate_limits
      where expires_at < now() and (blocked_until is null or blocked_until < now())
      order by expires_at limit ${batch} for update skip locked)
    returning key`);
  return rowsOf(result).length;
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

/**
 * A growing delay instead of a lock: the first `free` attempts pass; from then on each
 * admitted attempt makes the next one wait base·2^(n−free) seconds, at most `capSeconds`.
 * The count starts again once `idleSeconds` pass with no admitted attempt.
 */
export type Backoff = { free: number; baseSeconds: number; capSeconds: number; idleSeconds: number };

export type Admission = { admitted: true; count: number } | { admitted: false; retryAfterSeconds: number };

/**
 * Admits one attempt, or says how long to wait. Atomic: the update's own condition is
 * re-checked on the newest row under concurrent writers, so of simultaneous attempts only
 * as many pass as the delay allows. An attempt that must wait changes nothing, so knocking
 * during the delay never makes it longer.
 */
export async function admitWithBackoff(db: DatabaseOrTransaction, key: string, policy: Backoff): Promise<Admission> {
  const count = sql`(case when rate_limits.window_start <= now() - make_interval(secs => ${policy.idleSeconds}) then 1 else rate_limits.count + 1 end)`;
  for (let tries = 0; tries < 3; tries += 1) {
    const updated = rowsOf<{ count: number }>(
      await db.execute(sql`
        update rate_limits set
          count = ${count},
          window_start = now(),
          blocked_until = case when ${count} >= ${policy.free}
            then now() + make_interval(secs => least(${policy.capSeconds}, ${policy.baseSeconds} * power(2, ${count} - ${policy.free})))
            else null end
        where key = ${key} and (blocked_until is null or blocked_until <= now())
        returning count`),
    );
    if (updated[0]) return { admitted: true, count: Number(updated[0].count) };
    const inserted = await db
      .insert(rateLimits)
      .values({
        key,
        count: 1,
        windowStart: sql`now()`,
        blockedUntil: policy.free <= 1 ? sql`now() + make_interval(secs => ${policy.baseSeconds})` : null,
      })
      .onConflictDoNothing()
      .returning({ count: rateLimits.count });
    if (inserted[0]) return { admitted: true, count: 1 };
    const [row] = await db
      .select({ wait: sql<number>`ceil(extract(epoch from (${rateLimits.blockedUntil} - now())))::int` })
      .from(rateLimits)
      .where(eq(rateLimits.key, key));
    if (row && row.wait > 0) return { admitted: false, retryAfterSeconds: Number(row.wait) };
    // The row appeared or its delay ran out between the statements: try again.
  }
  throw new Error(`rate limit ${key} kept changing under concurrent attempts`);
}

/** Keeps a marker (a fact worth remembering, not a count) until `seconds` from now. */
export async function remember(db: DatabaseOrTransaction, key: string, seconds: number): Promise<void> {
  await db
    .insert(rateLimits)
    .values({ key, count: 1, windowStart: sql`now()`, blockedUntil: sql`now() + make_interval(secs => ${seconds})` })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: { windowStart: sql`now()`, blockedUntil: sql`now() + make_interval(secs => ${seconds})` },
    });
}

/** Whether a marker left by `remember` is still current. */
export async function remembered(db: DatabaseOrTransaction, key: string): Promise<boolean> {
  const [row] = await db
    .select({ key: rateLimits.key })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), gt(rateLimits.blockedUntil, sql`now()`)));
  return Boolean(row);
}

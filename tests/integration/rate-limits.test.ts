import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db/client";
import { hit, sweepExpiredRateLimits } from "@/db/queries/rate-limits";
import { driver, setupTestDatabase } from "../db";

const { db } = setupTestDatabase();
const keys = async () => rowsOf<{ key: string }>(await db().execute(sql`select key from rate_limits order by key`)).map((r) => r.key);

describe(`rate-limit rows on ${driver}`, () => {
  it("are swept once their window has ended; live ones and blocks stay", async () => {
    await hit(db(), "live:short", { max: 5, windowSeconds: 60 });
    await hit(db(), "live:long", { max: 5, windowSeconds: 86_400 });
    await hit(db(), "old:a", { max: 5, windowSeconds: 60 });
    await hit(db(), "old:b", { max: 5, windowSeconds: 3600 });
    await hit(db(), "old:blocked", { max: 5, windowSeconds: 60 });
    // Two windows that ended, and one ended window whose block still runs.
    await db().execute(
      sql`update rate_limits set window_start = now() - interval '2 minutes', expires_at = now() - interval '1 minute' where key = 'old:a'`,
    );
    await db().execute(
      sql`update rate_limits set window_start = now() - interval '2 hours', expires_at = now() - interval '1 hour' where key = 'old:b'`,
    );
    await db().execute(
      sql`update rate_limits set expires_at = now() - interval '1 minute', blocked_until = now() + interval '1 hour' where key = 'old:blocked'`,
    );
    expect(await sweepExpiredRateLimits(db())).toBe(2);
    expect(await keys()).toEqual(["live:long", "live:short", "old:blocked"]);
  });

  it("are swept by ordinary traffic, without a timer: any 50 hits include a sweep", async () => {
    await hit(db(), "old:gone", { max: 5, windowSeconds: 60 });
    await db().execute(sql`update rate_limits set expires_at = now() - interval '1 second' where key = 'old:gone'`);
    for (let i = 0; i < 50; i++) await hit(db(), "busy", { max: 1000, windowSeconds: 60 });
    expect(await keys()).toEqual(["busy"]);
  });

  it("a window that restarts moves its expiry with it", async () => {
    const limit = { max: 5, windowSeconds: 60 };
    await hit(db(), "k", limit);
    await db().execute(sql`update rate_limits set window_start = now() - interval '5 minutes', expires_at = now() - interval '4 minutes'`);
    expect(await hit(db(), "k", limit)).toBe(1);
    const [row] = rowsOf<{ live: boolean }>(
      await db().execute(sql`select expires_at > now() + interval '50 seconds' as live from rate_limits`),
    );
    expect(row!.live).toBe(true);
  });
});

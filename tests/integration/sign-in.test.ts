import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { clinicians, rateLimits } from "@/db/schema";
import { authenticate } from "@/lib/auth/sign-in";
import { verifyPassword } from "@/lib/auth/password";
import { countRows, driver, setupTestDatabase } from "../db";
import { createClinic, TEST_PASSWORD } from "../factories";

// The real argon2 check, counted: a throttled attempt must not reach it.
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});
const verifyCalls = () => vi.mocked(verifyPassword).mock.calls.length;

const { db } = setupTestDatabase();
beforeEach(() => vi.mocked(verifyPassword).mockClear());

const attempt = (email: string, password: string, ip = "203.0.113.7") => authenticate(db(), { email, password, ip });

/** The fixed window began long enough ago that it is over. */
async function windowPasses() {
  await db().update(rateLimits).set({ windowStart: sql`now() - interval '16 minutes'` });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

describe(`sign-in throttling and enumeration safety on ${driver}`, () => {
  it("refuses the 11th attempt in 15 minutes without checking the password, then lets the right one in once the window passes", async () => {
    const { owner } = await createClinic(db());
    for (let i = 0; i < 10; i += 1) expect(await attempt(owner.email, `wrong password ${i}`)).toEqual({ ok: false, reason: "invalid" });
    expect(verifyCalls()).toBe(10);

    const throttled = await attempt(owner.email, TEST_PASSWORD);
    expect(throttled).toMatchObject({ ok: false, reason: "throttled" });
    expect(throttled.ok === false && throttled.reason === "throttled" && throttled.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(verifyCalls()).toBe(10);

    // Another address does not unlock the account: the limit is per account as well as per IP.
    expect(await attempt(owner.email, TEST_PASSWORD, "198.51.100.20")).toMatchObject({ reason: "throttled" });
    expect(verifyCalls()).toBe(10);

    await windowPasses();
    expect(await attempt(owner.email, TEST_PASSWORD)).toMatchObject({ ok: true, user: { id: owner.id } });
    expect(verifyCalls()).toBe(11);
  });

  it("counts the email without regard to letter case or spaces", async () => {
    const { owner } = await createClinic(db());
    for (let i = 0; i < 10; i += 1) await attempt(i % 2 ? owner.email.toUpperCase() : `  ${owner.email} `, "wrong password");
    expect(await attempt(owner.email, TEST_PASSWORD)).toMatchObject({ reason: "throttled" });
  });

  it("throttles one address after 50 failures across many accounts, without touching other addresses", async () => {
    const { owner } = await createClinic(db());
    for (let i = 0; i < 50; i += 1) await attempt(`nobody${i}@example.org`, "wrong password", "192.0.2.50");
    const before = verifyCalls();
    expect(await attempt(owner.email, TEST_PASSWORD, "192.0.2.50")).toMatchObject({ reason: "throttled" });
    expect(verifyCalls()).toBe(before);
    expect(await attempt(owner.email, TEST_PASSWORD, "192.0.2.51")).toMatchObject({ ok: true });
  });

  it("records every failure and success in the audit log, and a success clears the account's count", async () => {
    const { owner } = await createClinic(db());
    await attempt(owner.email, "wrong password");
    await attempt("nobody@example.org", "wrong password");
    await attempt(owner.email, TEST_PASSWORD);
    expect(await countRows(db(), "audit_events")).toBe(3);
    const keys = (await db().select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key);
    expect(keys).not.toContain(`signin:account:${owner.email.toLowerCase()}`);
  });

  it("answers an unknown email, a wrong password and a disabled account with the same outcome", async () => {
    const { owner, clinic } = await createClinic(db());
    const other = await createClinic(db());
    await db().update(clinicians).set({ disabledAt: new Date() }).where(eq(clinicians.id, other.owner.id));
    const unknown = await attempt("no-such-person@example.org", TEST_PASSWORD);
    const wrong = await attempt(owner.email, "not the password at all");
    const disabled = await attempt(other.owner.email, TEST_PASSWORD);
    expect(unknown).toEqual({ ok: false, reason: "invalid" });
    expect(wrong).toEqual(unknown);
    expect(disabled).toEqual(unknown);
    expect(JSON.stringify([unknown, wrong, disabled])).not.toContain(clinic.id);
  });

  it("takes about as long for an unknown email as for a wrong password (median CPU time within 10%)", async () => {
    const { owner } = await createClinic(db());
    const tries = 60;
    const unknownTimes: number[] = [];
    const wrongTimes: number[] = [];
    // CPU time of this process (argon2's worker threads and the embedded database included):
    // the work done, which is what would differ, without the noise of other processes on the machine.
    const timed = async (times: number[], email: string) => {
      const start = process.cpuUsage();
      await attempt(email, "some wrong password");
      const used = process.cpuUsage(start);
      times.push((used.user + used.system) / 1000);
    };
    await attempt("warm-up@example.org", "warm up the dummy hash");
    // Interleaved, each group first half the time, so drift in machine load falls on both alike.
    for (let i = 0; i < tries; i += 1) {
      await db().delete(rateLimits);
      const pair = [() => timed(unknownTimes, `unknown-${i}@example.org`), () => timed(wrongTimes, owner.email)];
      for (const run of i % 2 ? pair : pair.reverse()) await run();
    }
    const [a, b] = [median(unknownTimes), median(wrongTimes)];
    expect(Math.abs(a - b) / Math.max(a, b)).toBeLessThan(0.1);
  });
});

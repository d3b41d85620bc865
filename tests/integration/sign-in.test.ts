import { eq, like, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { clinicians, emailOutbox, rateLimits } from "@/db/schema";
import { openEmailBody } from "@/lib/email/outbox";
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

/** Every running delay of the per-account backoff has run out (time passes without waiting for it). */
async function cooldownPasses() {
  await db()
    .update(rateLimits)
    .set({ blockedUntil: sql`now() - interval '1 second'` })
    .where(like(rateLimits.key, "signin:account:%"));
}

/**
 * The next guess arrives before any running delay could run out, however long the last
 * attempt took on a busy machine: the delays move an hour on, their lengths unchanged.
 */
async function nextGuessComesAtOnce() {
  await db()
    .update(rateLimits)
    .set({
      windowStart: sql`${rateLimits.windowStart} + interval '1 hour'`,
      blockedUntil: sql`${rateLimits.blockedUntil} + interval '1 hour'`,
    })
    .where(like(rateLimits.key, "signin:account:%"));
}

/** The fixed window began long enough ago that it is over. */
async function windowPasses() {
  await db()
    .update(rateLimits)
    .set({ windowStart: sql`now() - interval '16 minutes'` });
}

describe(`sign-in throttling and enumeration safety on ${driver}`, () => {
  const usual = "203.0.113.7";
  const spray = (n: number) => Array.from({ length: n }, (_, i) => `198.51.${Math.floor(i / 250)}.${(i % 250) + 1}`);
  const throttledFor = (outcome: Awaited<ReturnType<typeof attempt>>) =>
    outcome.ok === false && outcome.reason === "throttled" ? outcome.retryAfterSeconds : 0;

  for (const addresses of [10, 100]) {
    it(`lets the owner in from their usual address while a spray from ${addresses} addresses is slowed`, async () => {
      const { owner } = await createClinic(db());
      expect(await attempt(owner.email, TEST_PASSWORD, usual)).toMatchObject({ ok: true });
      // Three rounds, each after the last one's delays ran out: what used to renew a lock for good.
      for (let round = 0; round < 3; round += 1) {
        for (const ip of spray(addresses)) await attempt(owner.email, `guess ${round} ${ip}`, ip);
        await cooldownPasses();
      }
      for (const ip of spray(addresses)) await attempt(owner.email, "one more guess", ip);
      const before = verifyCalls();
      expect(await attempt(owner.email, TEST_PASSWORD, usual)).toMatchObject({ ok: true, user: { id: owner.id } });
      expect(verifyCalls()).toBe(before + 1);
      // From an address the account has never signed in from, the spray's delay applies.
      expect(throttledFor(await attempt(owner.email, TEST_PASSWORD, "192.0.2.99"))).toBeGreaterThan(0);
    });
  }

  it("slows 100 wrong passwords against one account well before the 100th: 5 free, then 1, 2, 4 … 60 s", async () => {
    const { owner } = await createClinic(db());
    const outcomes = [];
    for (const ip of spray(100)) outcomes.push(await attempt(owner.email, "a wrong guess", ip));
    expect(outcomes.slice(0, 5).every((o) => !o.ok && o.reason === "invalid")).toBe(true);
    // The first delays are a second or two, so on a slow machine one or two more get through.
    const checked = outcomes.filter((o) => !o.ok && o.reason === "invalid").length;
    expect(checked).toBeLessThanOrEqual(8);
    expect(verifyCalls()).toBe(checked);
    expect(outcomes.slice(5).filter((o) => throttledFor(o) > 0).length).toBeGreaterThanOrEqual(92);

    // Each time the delay runs out one more guess is checked, and the next wait doubles, up to a minute.
    const { owner: fresh } = await createClinic(db());
    for (const ip of spray(5)) await attempt(fresh.email, "a wrong guess", ip);
    const waits: number[] = [];
    for (let i = 0; i < 9; i += 1) {
      await cooldownPasses();
      expect(await attempt(fresh.email, "a wrong guess", `192.0.2.${i + 1}`)).toEqual({ ok: false, reason: "invalid" });
      waits.push(throttledFor(await attempt(fresh.email, "a wrong guess", `192.0.2.${i + 100}`)));
    }
    expect(waits).toEqual([2, 4, 8, 16, 32, 60, 60, 60, 60]);
  });

  it("lets no more than the free tries through when 30 guesses from 30 addresses arrive at once", async () => {
    const { owner } = await createClinic(db());
    const outcomes = await Promise.all(spray(30).map((ip) => attempt(owner.email, "a wrong guess", ip)));
    const checked = outcomes.filter((o) => !o.ok && o.reason === "invalid").length;
    expect(checked).toBeGreaterThanOrEqual(5);
    expect(checked).toBeLessThanOrEqual(6);
    expect(verifyCalls()).toBe(checked);
  });

  it("does not lengthen the delay when attempts keep arriving during it, and the right password works after it", async () => {
    const { owner } = await createClinic(db());
    for (const ip of spray(5)) await attempt(owner.email, "a wrong guess", ip);
    // A later, longer delay (as after a few rounds), so the test does not race the clock.
    const key = `signin:account:${owner.email.toLowerCase()}`;
    await db()
      .update(rateLimits)
      .set({ blockedUntil: sql`now() + interval '50 seconds'` })
      .where(eq(rateLimits.key, key));
    const blockedUntil = async () => (await db().select().from(rateLimits).where(eq(rateLimits.key, key)))[0]!.blockedUntil;
    const before = [await blockedUntil(), verifyCalls()];
    const outcomes = [];
    for (const ip of spray(50)) outcomes.push(await attempt(owner.email, "a wrong guess", ip));
    expect(outcomes.every((o) => throttledFor(o) > 0 && throttledFor(o) <= 50)).toBe(true);
    expect([await blockedUntil(), verifyCalls()]).toEqual(before);
    await cooldownPasses();
    expect(await attempt(owner.email, TEST_PASSWORD, "192.0.2.77")).toMatchObject({ ok: true, user: { id: owner.id } });
  });

  it("limits one account from one address to 10 tries in 15 minutes, even from the usual address", async () => {
    const { owner } = await createClinic(db());
    expect(await attempt(owner.email, TEST_PASSWORD, usual)).toMatchObject({ ok: true });
    for (let i = 0; i < 10; i += 1) expect(await attempt(owner.email, `wrong ${i}`, usual)).toEqual({ ok: false, reason: "invalid" });
    const before = verifyCalls();
    expect(throttledFor(await attempt(owner.email, TEST_PASSWORD, usual))).toBeGreaterThan(14 * 60);
    expect(verifyCalls()).toBe(before);
    // Other accounts from the same address carry on.
    const other = await createClinic(db());
    expect(await attempt(other.owner.email, TEST_PASSWORD, usual)).toMatchObject({ ok: true });
    await windowPasses();
    expect(await attempt(owner.email, TEST_PASSWORD, usual)).toMatchObject({ ok: true });
  });

  it("counts the email without regard to letter case or spaces", async () => {
    const { owner } = await createClinic(db());
    for (let i = 0; i < 5; i += 1) await attempt(i % 2 ? owner.email.toUpperCase() : `  ${owner.email} `, "wrong password", `192.0.2.${i}`);
    expect(throttledFor(await attempt(owner.email, TEST_PASSWORD, "192.0.2.200"))).toBeGreaterThan(0);
  });

  it("throttles unknown accounts exactly like known ones", async () => {
    const { owner } = await createClinic(db());
    const run = async (email: string) => {
      const outcomes = [];
      for (const ip of spray(7)) {
        outcomes.push(await attempt(email, "a wrong guess", ip));
        await nextGuessComesAtOnce();
      }
      const [row] = await db()
        .select({ count: rateLimits.count, delay: sql<string>`(${rateLimits.blockedUntil} - ${rateLimits.windowStart})::text` })
        .from(rateLimits)
        .where(eq(rateLimits.key, `signin:account:${email.toLowerCase()}`));
      return { outcomes: outcomes.map((o) => (o.ok ? "ok" : o.reason)), row };
    };
    const unknown = await run("nobody-here@example.org");
    expect(unknown).toEqual(await run(owner.email));
    // Five free guesses, then the delay: the same answers and the same stored state for both.
    expect(unknown).toEqual({ outcomes: [...Array(5).fill("invalid"), "throttled", "throttled"], row: { count: 5, delay: "00:00:01" } });
  });

  it("emails the owner once a day about a burst of failures, with advice and without addresses or passwords", async () => {
    const { owner } = await createClinic(db());
    for (let i = 0; i < 30; i += 1) {
      await cooldownPasses();
      await attempt(owner.email, `secret-guess-${i}`, `198.51.100.${i + 1}`);
    }
    const emails = await db().select().from(emailOutbox);
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ clinicId: owner.clinicId, toAddress: owner.email, kind: "sign_in_alert" });
    const body = openEmailBody({ text: emails[0]!.textBody, html: emails[0]!.htmlBody });
    expect(body.text).toMatch(/change it/);
    expect(`${emails[0]!.subject} ${body.text} ${body.html}`).not.toMatch(/198\.51|secret-guess|\b30\b/);
    // Nine failures (below the burst) on another account send nothing.
    const other = await createClinic(db());
    for (let i = 0; i < 9; i += 1) {
      await cooldownPasses();
      await attempt(other.owner.email, "a wrong guess", `198.51.100.${i + 1}`);
    }
    expect(await countRows(db(), "email_outbox")).toBe(1);
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

  it("does the same work for an unknown email as for a wrong password: one argon2id check at the same cost", async () => {
    const { owner } = await createClinic(db());
    const costOf = (hash: string) => hash.split("$").slice(1, 4).join("$"); // algorithm, version, memory/passes/lanes
    await attempt("nobody-here@example.org", "some wrong password");
    await attempt(owner.email, "some wrong password");
    const [unknown, wrong] = vi.mocked(verifyPassword).mock.calls.map(([hash]) => hash);
    expect(verifyCalls()).toBe(2);
    expect(costOf(unknown!)).toBe(costOf(wrong!));
    expect(costOf(unknown!)).toMatch(/^argon2id\$v=19\$m=19456,t=2,p=1$/);
    // The unknown path checks a real hash (not a string that fails at once), so it costs the same.
    expect(unknown).not.toBe(wrong);
    expect(await verifyPassword(unknown!, "some wrong password")).toBe(false);
  });
});

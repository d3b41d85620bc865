import { createHash, randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { rowsOf } from "@/db/client";
import { auditEvents, clinicians, clinics, emailOutbox, invitations } from "@/db/schema";
import { findUsableInvitation, listPendingInvitations } from "@/db/queries/invitations";
import { verifySession } from "@/lib/auth/dal";
import { acceptInvitation, INVITATION_UNUSABLE } from "@/lib/auth/invitations";
import { hashToken } from "@/lib/crypto/token";
import { authenticate } from "@/lib/auth/sign-in";
import { openEmailBody } from "@/lib/email/outbox";
import { acceptInvitationAction, signInAction, signUpAction } from "@/app/(auth)/actions";
import { changePasswordAction } from "@/app/(portal)/account/actions";
import {
  disableClinicianAction,
  enableClinicianAction,
  inviteClinicianAction,
  revokeInvitationAction,
  updateClinicAction,
} from "@/app/(portal)/settings/actions";
import { actAs, signIn } from "../mocks/auth.mock";
import { pointAppAtTestDatabase } from "../mocks/db-client.mock";
import { describeNavigation } from "../mocks/next-navigation.mock";
import { countRows, driver, setupTestDatabase } from "../db";
import { createClinic, TEST_PASSWORD } from "../factories";

vi.mock("@/lib/auth/auth", () => import("../mocks/auth.mock"));
vi.mock("next-auth", () => import("../mocks/next-auth.mock"));
vi.mock("next/headers", () => import("../mocks/next-headers.mock"));
vi.mock("next/navigation", () => import("../mocks/next-navigation.mock"));
vi.mock("next/cache", () => import("../mocks/next-cache.mock"));
vi.mock("@/db/client", async (importOriginal) => (await import("../mocks/db-client.mock")).dbClientDouble(importOriginal));

const { db } = setupTestDatabase();
beforeEach(pointAppAtTestDatabase(db));
beforeEach(() => {
  actAs(null);
  vi.mocked(signIn).mockClear();
});

type Person = { id: string; clinicId: string; role: "owner" | "clinician"; sessionVersion: number; email: string };
const claimsOf = (p: Person) => ({ id: p.id, clinicId: p.clinicId, role: p.role, sessionVersion: p.sessionVersion });
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};

/** Runs an action, turning Next's redirect/not-found throws into a word. */
async function run<T>(promise: Promise<T>): Promise<T | string> {
  try {
    return await promise;
  } catch (error) {
    const navigation = describeNavigation(error);
    if (navigation) return navigation;
    throw error;
  }
}

async function invite(owner: Person, fields: Partial<Record<"email" | "name" | "role" | "requestId", string>> = {}) {
  actAs(claimsOf(owner));
  return inviteClinicianAction(
    {},
    form({ email: `invitee-${randomUUID()}@example.org`, name: "Alex Morgan", role: "clinician", requestId: randomUUID(), ...fields }),
  );
}

/** The link as the invitee would find it in the email. */
async function tokenFromEmail(invitationId: string): Promise<string> {
  const [email] = await db().select().from(emailOutbox).where(eq(emailOutbox.subjectRef, invitationId));
  const match = /\/invite\/([A-Za-z0-9_-]{43})\b/.exec(openEmailBody({ text: email!.textBody, html: email!.htmlBody }).text);
  return match![1]!;
}

async function latestInvitation(clinicId: string) {
  const rows = await db()
    .select()
    .from(invitations)
    .where(eq(invitations.clinicId, clinicId))
    .orderBy(sql`${invitations.createdAt} desc`);
  return rows[0]!;
}

async function dumpEveryTable(): Promise<string> {
  const tables = rowsOf<{ tablename: string }>(await db().execute(sql`select tablename from pg_tables where schemaname = 'public'`));
  const parts: string[] = [];
  for (const { tablename } of tables) {
    const rows = rowsOf<{ row: string }>(await db().execute(sql.raw(`select t::text as row from "${tablename}" t`)));
    parts.push(...rows.map((r) => r.row));
  }
  return parts.join("\n");
}

async function member(clinicId: string, role: "owner" | "clinician" = "clinician"): Promise<Person> {
  const { owner } = await createClinic(db());
  const [row] = await db().update(clinicians).set({ clinicId, role }).where(eq(clinicians.id, owner.id)).returning();
  await db().delete(clinics).where(eq(clinics.id, owner.clinicId));
  return row!;
}

describe(`invitations, access and passwords on ${driver}`, () => {
  it("stores an invitation's 256-bit token only as a SHA-256 hash, and its email in the same step", async () => {
    const { owner } = await createClinic(db());
    const result = await invite(owner, { email: "alex@example.org" });
    expect(result).toMatchObject({ ok: true });
    const invitation = await latestInvitation(owner.clinicId);
    expect(invitation).toMatchObject({
      email: "alex@example.org",
      name: "Alex Morgan",
      role: "clinician",
      invitedBy: owner.id,
      acceptedAt: null,
    });
    const days = (invitation.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    const token = await tokenFromEmail(invitation.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(invitation.tokenHash.equals(createHash("sha256").update(token).digest())).toBe(true);
    // Neither the invitation nor the outbox (its bodies are sealed) holds the token in the clear.
    expect(await dumpEveryTable()).not.toContain(token);

    const [audit] = await db().select().from(auditEvents).where(eq(auditEvents.action, "invitation.created"));
    expect(audit).toMatchObject({ clinicId: owner.clinicId, actorId: owner.id, objectId: invitation.id });
    expect(JSON.stringify(result)).not.toContain(token);
  });

  it("sends one invitation when the form is submitted several times at once", async () => {
    const { owner } = await createClinic(db());
    const requestId = randomUUID();
    const results = await Promise.all(Array.from({ length: 5 }, () => invite(owner, { email: "alex@example.org", requestId })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await countRows(db(), "invitations")).toBe(1);
    expect(await countRows(db(), "email_outbox")).toBe(1);
    const again = await invite(owner, { email: "alex@example.org", requestId });
    expect(again.message).toMatch(/already sent/);
    expect(await countRows(db(), "invitations")).toBe(1);
  });

  it("replaces a pending invitation when the same address is invited again: only the newest link works", async () => {
    const { owner } = await createClinic(db());
    await invite(owner, { email: "alex@example.org" });
    const firstToken = await tokenFromEmail((await latestInvitation(owner.clinicId)).id);
    await invite(owner, { email: "ALEX@example.org" });
    const secondToken = await tokenFromEmail((await latestInvitation(owner.clinicId)).id);
    expect(await findUsableInvitation(db(), hashToken(firstToken))).toBeUndefined();
    expect(await findUsableInvitation(db(), hashToken(secondToken))).toMatchObject({ email: "alex@example.org" });
  });

  it("answers an invitation to an address with an account exactly as to a new one, and tells that address instead", async () => {
    const { owner } = await createClinic(db(), "Riverside");
    const other = await createClinic(db());
    const known = other.owner.email.toUpperCase();
    const unknown = "brand-new-person@example.org";
    const answers = [await invite(owner, { email: known }), await invite(owner, { email: unknown })];
    // The fresh form's request id is random in every answer; everything else must match.
    const shape = (answer: object, address: string) =>
      JSON.stringify(answer)
        .replaceAll(address.toLowerCase(), "ADDRESS")
        .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "ID");
    expect(shape(answers[0]!, known)).toBe(shape(answers[1]!, unknown));
    expect(answers[0]).toMatchObject({ ok: true, message: expect.stringMatching(/^Invitation created for /) });

    // What the owner sees afterwards: two pending invitations, each with an email of the same kind and status.
    const pending = await listPendingInvitations(db(), { clinicId: owner.clinicId });
    expect(pending.map((i) => i.email).sort()).toEqual([known.toLowerCase(), unknown].sort());
    const emails = await db().select().from(emailOutbox).where(eq(emailOutbox.clinicId, owner.clinicId));
    expect(emails.map((e) => [e.kind, e.status])).toEqual([
      ["invitation", "queued"],
      ["invitation", "queued"],
    ]);
    const toKnown = emails.find((e) => e.toAddress === known.toLowerCase())!;
    const toUnknown = emails.find((e) => e.toAddress === unknown)!;
    expect(toKnown.subject).toBe(toUnknown.subject);
    const body = openEmailBody({ text: toKnown.textBody, html: toKnown.htmlBody }).text;
    expect(body).toMatch(/already has a Homeplan account/);
    expect(body).toMatch(/contact them/);
    expect(body).not.toMatch(/\/invite\//);
    // The person already in another clinic is not moved or changed.
    const [still] = await db().select().from(clinicians).where(eq(clinicians.id, other.owner.id));
    expect(still!.clinicId).toBe(other.clinic.id);
  });

  it("says plainly when the person is already in the inviting clinic's own team, and writes nothing", async () => {
    const { owner } = await createClinic(db());
    const colleague = await member(owner.clinicId);
    const result = await invite(owner, { email: colleague.email });
    expect(result).toMatchObject({ ok: false, errors: { email: [expect.stringMatching(/already in your team/)] } });
    expect(await countRows(db(), "invitations")).toBe(0);
    expect(await countRows(db(), "email_outbox")).toBe(0);
  });

  it("limits invitations to 5 a day in a clinic's first week and 20 a day after, writing nothing past it", async () => {
    const { owner } = await createClinic(db());
    for (let i = 0; i < 5; i += 1) expect(await invite(owner)).toMatchObject({ ok: true });
    const refused = await invite(owner);
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/as many invitations as it can today.*Nothing was sent/) });
    expect(await countRows(db(), "invitations")).toBe(5);
    expect(await countRows(db(), "email_outbox")).toBe(5);

    const { owner: established } = await createClinic(db());
    await db()
      .update(clinics)
      .set({ createdAt: sql`now() - interval '8 days'` })
      .where(eq(clinics.id, established.clinicId));
    const results = await Promise.all(Array.from({ length: 25 }, () => invite(established)));
    expect(results.filter((r) => r.ok)).toHaveLength(20);
    expect(await countRows(db(), "invitations")).toBe(25);
    // The next day (the window has passed) the clinic can invite again.
    await db()
      .update(invitations)
      .set({ createdAt: sql`now() - interval '25 hours'` });
    expect(await invite(established)).toMatchObject({ ok: true });
  });

  it("keeps links and line breaks in clinic and inviter names out of invitation emails", async () => {
    const { owner } = await createClinic(db());
    await db()
      .update(clinics)
      .set({ name: "Cheap pills at https://spam.example/buy\nor www.pills.example now" })
      .where(eq(clinics.id, owner.clinicId));
    await db()
      .update(clinicians)
      .set({ name: "Win a prize: visit prizes.example.com/claim or mail me@spam.example" })
      .where(eq(clinicians.id, owner.id));
    actAs(claimsOf(owner));
    expect(await invite({ ...owner, email: owner.email }, { email: "target@example.org" })).toMatchObject({ ok: true });
    const [email] = await db().select().from(emailOutbox);
    const body = openEmailBody({ text: email!.textBody, html: email!.htmlBody });
    for (const text of [email!.subject, body.text, body.html])
      expect(text).not.toMatch(/spam\.example|pills\.example|prizes\.example|https:\/\/spam/);
    expect(body.text).toMatch(/join “Cheap pills at or now” on Homeplan/);
  });

  it("answers sign-up the same for a known and an unknown address; the known one gets an email, once a day", async () => {
    const { owner } = await createClinic(db());
    const signUp = (email: string) =>
      run(signUpAction({}, form({ clinicName: "Harbour Physio", name: "Jordan Fisher", email, password: "orchard lantern pebble kite" })));
    const known = await signUp(owner.email.toUpperCase());
    const unknown = await signUp("jordan@harbour.example");
    expect(known).toBe("redirect:/sign-in?signed-up=1");
    expect(unknown).toBe(known);
    expect(vi.mocked(signIn)).not.toHaveBeenCalled();

    expect(await authenticate(db(), { email: "jordan@harbour.example", password: "orchard lantern pebble kite", ip: "x" })).toMatchObject({
      ok: true,
    });
    const [existing] = await db().select().from(clinicians).where(eq(clinicians.id, owner.id));
    expect(existing).toMatchObject({ clinicId: owner.clinicId, name: owner.name, passwordHash: owner.passwordHash });
    const emails = await db().select().from(emailOutbox);
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ clinicId: owner.clinicId, toAddress: owner.email, kind: "account_exists" });
    expect(openEmailBody({ text: emails[0]!.textBody, html: emails[0]!.htmlBody }).text).toMatch(/already has an account.*\n*.*Sign in/s);

    expect(await signUp(owner.email)).toBe(known);
    expect(await countRows(db(), "email_outbox")).toBe(1);
    expect(await countRows(db(), "clinics")).toBe(2);
  });

  it("creates the clinician in the invitation's clinic with its role, signs them in, and spends the link", async () => {
    const { owner } = await createClinic(db(), "Inviting");
    const elsewhere = await createClinic(db(), "Elsewhere");
    await invite(owner, { email: "alex@example.org", role: "owner" });
    const invitation = await latestInvitation(owner.clinicId);
    const token = await tokenFromEmail(invitation.id);

    // Extra fields naming another clinic or role are ignored.
    const fields = {
      token,
      name: "Alex Morgan",
      password: "pebble orchard violin",
      clinicId: elsewhere.clinic.id,
      role: "clinician",
      email: "x@example.org",
    };
    expect(await run(acceptInvitationAction({}, form(fields)))).toBe("redirect:/dashboard");
    const [created] = await db().select().from(clinicians).where(eq(clinicians.email, "alex@example.org"));
    expect(created).toMatchObject({ clinicId: owner.clinicId, role: "owner", name: "Alex Morgan" });
    expect(vi.mocked(signIn).mock.calls[0]?.[1]).toMatchObject({ email: "alex@example.org", password: "pebble orchard violin" });
    expect((await latestInvitation(owner.clinicId)).acceptedAt).toBeInstanceOf(Date);
    expect(await authenticate(db(), { email: "alex@example.org", password: "pebble orchard violin", ip: "x" })).toMatchObject({ ok: true });
    const [audit] = await db().select().from(auditEvents).where(eq(auditEvents.action, "invitation.accepted"));
    expect(audit).toMatchObject({ clinicId: owner.clinicId, actorId: created!.id, objectId: invitation.id });

    const second = await run(acceptInvitationAction({}, form({ ...fields, name: "Someone Else" })));
    expect(second).toMatchObject({ ok: false, message: INVITATION_UNUSABLE });
    expect(await countRows(db(), "clinicians")).toBe(3);
  });

  it("gives an unknown, expired, revoked or used link the same answer, and opening it writes nothing", async () => {
    const { owner } = await createClinic(db());
    const tokens: Record<string, string> = {};
    for (const kind of ["expired", "revoked", "used"]) {
      await invite(owner, { email: `${kind}@example.org` });
      tokens[kind] = await tokenFromEmail((await latestInvitation(owner.clinicId)).id);
    }
    await db()
      .update(invitations)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(invitations.email, "expired@example.org"));
    const revoked = (await db().select().from(invitations).where(eq(invitations.email, "revoked@example.org")))[0]!;
    actAs(claimsOf(owner));
    expect(await revokeInvitationAction({}, form({ id: revoked.id }))).toMatchObject({ ok: true });
    await acceptInvitation(db(), { token: tokens.used!, name: "Used Once", password: "pebble orchard violin", ip: "x" });
    tokens.unknown = Buffer.alloc(32, 7).toString("base64url");
    tokens.malformed = "not-a-token";

    const before = await dumpEveryTable();
    const answers = await Promise.all(
      Object.values(tokens).map((token) =>
        run(acceptInvitationAction({}, form({ token, name: "Mallory", password: "pebble orchard violin" }))),
      ),
    );
    for (const answer of answers)
      expect(answer).toEqual({ ok: false, message: INVITATION_UNUSABLE, errors: undefined, values: { name: "Mallory" } });
    for (const token of Object.values(tokens)) expect(await findUsableInvitation(db(), hashToken(token))).toBeUndefined();
    expect(await dumpEveryTable()).toBe(before);
  });

  it("lets only one of several simultaneous acceptances of one link through", async () => {
    const { owner } = await createClinic(db());
    await invite(owner, { email: "alex@example.org" });
    const token = await tokenFromEmail((await latestInvitation(owner.clinicId)).id);
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        acceptInvitation(db(), { token, name: `Racer ${i}`, password: "pebble orchard violin", ip: "x" }),
      ),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(await countRows(db(), "clinicians")).toBe(2);
  });

  it("refuses a weak password on acceptance and leaves the link usable", async () => {
    const { owner } = await createClinic(db());
    await invite(owner, { email: "alex@example.org" });
    const token = await tokenFromEmail((await latestInvitation(owner.clinicId)).id);
    const result = await run(acceptInvitationAction({}, form({ token, name: "Alex", password: "password1234" })));
    expect(result).toMatchObject({ ok: false, errors: { password: [expect.stringMatching(/too easy to guess/)] } });
    expect(JSON.stringify(result)).not.toContain("password1234");
    expect(JSON.stringify(result)).not.toContain(token);
    expect(await findUsableInvitation(db(), hashToken(token))).toBeDefined();
  });

  it("ends a disabled clinician's open session on their next request; re-enabling lets them sign in again", async () => {
    const { owner } = await createClinic(db());
    const colleague = await member(owner.clinicId);
    actAs(claimsOf(colleague));
    expect(await verifySession()).toMatchObject({ clinicianId: colleague.id });

    actAs(claimsOf(owner));
    expect(await disableClinicianAction({}, form({ id: colleague.id }))).toMatchObject({ ok: true });
    actAs(claimsOf(colleague));
    expect(await verifySession()).toBeNull();
    expect(await authenticate(db(), { email: colleague.email, password: TEST_PASSWORD, ip: "x" })).toEqual({
      ok: false,
      reason: "invalid",
    });

    actAs(claimsOf(owner));
    expect(await enableClinicianAction({}, form({ id: colleague.id }))).toMatchObject({ ok: true });
    actAs(claimsOf(colleague));
    expect(await verifySession()).toBeNull();
    expect(await authenticate(db(), { email: colleague.email, password: TEST_PASSWORD, ip: "x" })).toMatchObject({ ok: true });
    const actions = (await db().select({ action: auditEvents.action }).from(auditEvents)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["clinician.disabled", "clinician.enabled"]));
  });

  it("does not let an owner disable themselves", async () => {
    const { owner } = await createClinic(db());
    actAs(claimsOf(owner));
    const result = await disableClinicianAction({}, form({ id: owner.id }));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/your own account/) });
    expect(await verifySession()).toMatchObject({ clinicianId: owner.id });
  });

  it("changes a password only with the current one, ends other sessions and signs this one in again", async () => {
    const { owner } = await createClinic(db());
    const colleague = await member(owner.clinicId);
    actAs(claimsOf(colleague));

    const wrong = await changePasswordAction({}, form({ currentPassword: "not my password", newPassword: "lantern pebble orchard" }));
    expect(wrong).toMatchObject({ ok: false, errors: { currentPassword: [expect.any(String)] } });
    const weak = await changePasswordAction({}, form({ currentPassword: TEST_PASSWORD, newPassword: "short" }));
    expect(weak).toMatchObject({ ok: false, errors: { newPassword: [expect.stringMatching(/12 characters/)] } });
    expect(JSON.stringify([wrong, weak])).not.toMatch(/lantern|short|correct horse/);
    expect(await verifySession()).not.toBeNull();

    const changed = await run(changePasswordAction({}, form({ currentPassword: TEST_PASSWORD, newPassword: "lantern pebble orchard" })));
    expect(changed).toBe("redirect:/account?password-changed=1");
    expect(vi.mocked(signIn).mock.calls.at(-1)?.[1]).toMatchObject({ email: colleague.email, password: "lantern pebble orchard" });
    expect(await verifySession()).toBeNull();
    const [row] = await db()
      .select()
      .from(clinicians)
      .where(and(eq(clinicians.clinicId, owner.clinicId), eq(clinicians.id, colleague.id)));
    expect(row!.sessionVersion).toBe(colleague.sessionVersion + 1);
    expect(await authenticate(db(), { email: colleague.email, password: TEST_PASSWORD, ip: "x" })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await authenticate(db(), { email: colleague.email, password: "lantern pebble orchard", ip: "x" })).toMatchObject({ ok: true });
    const actions = (await db().select({ action: auditEvents.action }).from(auditEvents)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["password.change_refused", "password.changed"]));
  });

  it("throttles guessing the current password with the sign-in limit for this account and address", async () => {
    const { owner } = await createClinic(db());
    actAs(claimsOf(owner));
    for (let i = 0; i < 10; i += 1)
      await changePasswordAction({}, form({ currentPassword: `guess ${i}`, newPassword: "lantern pebble orchard" }));
    const result = await changePasswordAction({}, form({ currentPassword: TEST_PASSWORD, newPassword: "lantern pebble orchard" }));
    expect(result.message).toMatch(/Try again in \d+ minutes/);
    // The limit is this account from this address: the owner elsewhere is not locked out.
    expect(await authenticate(db(), { email: owner.email, password: TEST_PASSWORD, ip: "x" })).toMatchObject({ ok: true });
  });

  it("answers an unknown email and a wrong password with the same words, then 'try again in N minutes' once throttled", async () => {
    const { owner } = await createClinic(db());
    const unknown = await run(signInAction({}, form({ email: "nobody@example.org", password: "a wrong guess" })));
    const wrong = await run(signInAction({}, form({ email: owner.email, password: "a wrong guess" })));
    expect(unknown).toMatchObject({ ok: false, message: expect.stringMatching(/don't match an account/) });
    expect(wrong).toEqual({ ...(unknown as object), values: { email: owner.email } });
    expect(JSON.stringify([unknown, wrong])).not.toContain("a wrong guess");
    for (let i = 0; i < 9; i += 1) await run(signInAction({}, form({ email: owner.email, password: "a wrong guess" })));
    const throttled = await run(signInAction({}, form({ email: owner.email, password: TEST_PASSWORD })));
    expect(throttled).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Too many attempts\. Try again in \d+ (seconds?|minutes?)\.$/),
    });
    // Another account from the same address is not affected by this account's delay.
    expect(await run(signInAction({}, form({ email: "nobody@example.org", password: TEST_PASSWORD })))).toEqual(unknown);
  });

  it("saves the clinic details printed on handouts, ignoring fields it does not expect", async () => {
    const { owner, clinic } = await createClinic(db());
    const other = await createClinic(db());
    actAs(claimsOf(owner));
    const fields = { name: "Riverside Physio", address: "12 Mill Lane\nRiverside", phone: "+44 (0)1632 960 123", paperSize: "LETTER" };
    expect(await updateClinicAction({}, form({ ...fields, id: other.clinic.id, clinicId: other.clinic.id }))).toMatchObject({ ok: true });
    const [saved] = await db().select().from(clinics).where(eq(clinics.id, clinic.id));
    expect(saved).toMatchObject({ ...fields, paperSize: "LETTER" });
    const [untouched] = await db().select().from(clinics).where(eq(clinics.id, other.clinic.id));
    expect(untouched!.name).toBe(other.clinic.name);
    const bad = await updateClinicAction({}, form({ ...fields, phone: "call me maybe", paperSize: "A3" }));
    expect(bad).toMatchObject({ ok: false, errors: { phone: [expect.any(String)], paperSize: [expect.any(String)] } });
    expect(await db().select({ action: auditEvents.action }).from(auditEvents)).toEqual([{ action: "clinic.updated" }]);
  });
});

"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { createClinicWithOwner } from "@/db/queries/clinics";
import { failure, fieldErrorsOf, parseForm, type FormState } from "@/lib/actions";
import { signIn, signOut } from "@/lib/auth/auth";
import { verifySession } from "@/lib/auth/dal";
import { hashPassword } from "@/lib/auth/password";
import { loadStarterTemplates } from "@/lib/catalogue/templates";
import { passwordProblem } from "@/lib/auth/password-policy";
import { tryAgainMessage } from "@/lib/auth/sign-in";
import { clientIp } from "@/lib/request";
import { acceptInviteSchema, signInSchema, signUpSchema } from "@/lib/validations/auth";
import { recordAudit } from "@/db/queries/audit";
import { hit } from "@/db/queries/rate-limits";
import { bumpSessionVersion } from "@/db/queries/clinics";
import { findUsableInvitation } from "@/db/queries/invitations";
import { acceptInvitation, INVITATION_UNUSABLE } from "@/lib/auth/invitations";
import { hashToken } from "@/lib/crypto/token";
import { tellExistingAccount } from "@/lib/auth/sign-up";
import { deliverSoon } from "@/lib/email/sender";

const SIGN_UP_LIMIT = { max: 10, windowSeconds: 60 * 60 };

const INVALID = "That email and password don't match an account. Check them and try again.";

/** Only same-site paths, so a crafted ?next= cannot send someone to another site. */
function safeNext(next: string | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/dashboard";
}

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(signInSchema, formData);
  if (!parsed.success) return failure(formData, "Enter your email and password.", fieldErrorsOf(parsed.error));
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      ip: clientIp(await headers()),
      redirectTo: safeNext(parsed.data.next),
    });
    return {};
  } catch (error) {
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code ?? "";
      if (code.startsWith("throttled:")) {
        return failure(formData, tryAgainMessage(Number(code.split(":")[1])));
      }
      return failure(formData, INVALID);
    }
    throw error;
  }
}

/**
 * Answers the same whether or not the address already has an account, so the form cannot
 * be used to find out who does: a new address gets its clinic, a known one gets an email
 * saying so, and both are sent to sign in. Nobody is signed in from here for the same
 * reason (signing in only the new ones would tell them apart).
 */
export async function signUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(signUpSchema, formData);
  if (!parsed.success) return failure(formData, "Please correct the highlighted fields.", fieldErrorsOf(parsed.error));
  const problem = await passwordProblem(parsed.data.password, parsed.data);
  if (problem) return failure(formData, "Please choose a different password.", { password: [problem] });

  const db = await getDb();
  const ip = clientIp(await headers());
  // Each sign-up costs an argon2 hash: a handful per address per hour is plenty for people.
  if ((await hit(db, `signup:ip:${ip}`, SIGN_UP_LIMIT)) > SIGN_UP_LIMIT.max) {
    return failure(formData, "Too many new clinics from this network just now. Please try again in an hour.");
  }
  // Hashed either way, so a known address takes as long as a new one.
  const { password, ...account } = parsed.data;
  const created = await createClinicWithOwner(db, {
    ...account,
    passwordHash: await hashPassword(password),
    ip,
    templates: loadStarterTemplates(),
  });
  if (!created) await tellExistingAccount(db, account.email);
  deliverSoon();
  redirect("/sign-in?signed-up=1");
}

/** Ends this session and every other one of this clinician's (their session version moves on). */
export async function signOutAction(): Promise<void> {
  const session = await verifySession();
  if (session) {
    const db = await getDb();
    await db.transaction(async (tx) => {
      await bumpSessionVersion(tx, { clinicianId: session.clinicianId, clinicId: session.clinicId });
      await recordAudit(tx, {
        clinicId: session.clinicId,
        actorId: session.clinicianId,
        action: "sign_out",
        objectType: "clinician",
        objectId: session.clinicianId,
        ip: clientIp(await headers()),
      });
    });
  }
  await signOut({ redirect: false });
  redirect("/sign-in?signed-out=1");
}

/**
 * Public: the token is the only credential. Every unusable link (unknown, expired,
 * revoked, already used) gets the same answer.
 */
export async function acceptInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(acceptInviteSchema, formData);
  const tokenOk = parsed.success || !parsed.error.issues.some((i) => i.path[0] === "token");
  if (!tokenOk) return failure(formData, INVITATION_UNUSABLE);
  if (!parsed.success) return failure(formData, "Please correct the highlighted fields.", fieldErrorsOf(parsed.error));

  const db = await getDb();
  const invitation = await findUsableInvitation(db, hashToken(parsed.data.token));
  if (!invitation) return failure(formData, INVITATION_UNUSABLE);
  const problem = await passwordProblem(parsed.data.password, {
    email: invitation.email,
    name: parsed.data.name,
    clinicName: invitation.clinicName,
  });
  if (problem) return failure(formData, "Please choose a different password.", { password: [problem] });

  const ip = clientIp(await headers());
  const outcome = await acceptInvitation(db, { token: parsed.data.token, name: parsed.data.name, password: parsed.data.password, ip });
  if (!outcome.ok) {
    return failure(
      formData,
      outcome.reason === "email_in_use"
        ? "An account with this email already exists. Sign in with it instead, or ask your clinic to invite another address."
        : INVITATION_UNUSABLE,
    );
  }
  await signIn("credentials", { email: outcome.email, password: parsed.data.password, ip, redirectTo: "/dashboard" });
  return {};
}

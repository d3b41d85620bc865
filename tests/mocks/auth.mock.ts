import { vi } from "vitest";
import { CredentialsSignin } from "@auth/core/errors";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { authenticate } from "@/lib/auth/sign-in";

/**
 * Stands in for lib/auth/auth.ts (Auth.js): `auth()` returns the claims a signed cookie
 * would carry, set with `actAs`. Everything after that (the database check in dal.ts)
 * is the real code under test.
 */
export type Claims = { id: string; clinicId: string; role: "owner" | "clinician"; sessionVersion: number };

let current: Claims | null = null;

export function actAs(claims: Claims | null) {
  current = claims;
}

export const auth = vi.fn(async () =>
  current ? { user: { ...current, name: "", email: "" }, expires: new Date(Date.now() + 60_000).toISOString() } : null,
);

export class ThrottledSignIn extends CredentialsSignin {
  constructor(retryAfterSeconds: number) {
    super();
    this.code = `throttled:${retryAfterSeconds}`;
  }
}

/**
 * Like Auth.js with the app's Credentials provider: the real `authenticate` (throttling,
 * audit), then on success the session is replaced and the browser redirected.
 */
export const signIn = vi.fn(
  async (_provider: string, options: { email?: string; password?: string; ip?: string; redirectTo?: string } = {}) => {
    const outcome = await authenticate(await getDb(), {
      email: options.email ?? "",
      password: options.password ?? "",
      ip: options.ip ?? "unknown",
    });
    if (!outcome.ok) throw outcome.reason === "throttled" ? new ThrottledSignIn(outcome.retryAfterSeconds) : new CredentialsSignin();
    redirect(options.redirectTo ?? "/");
  },
);

export const signOut = vi.fn(async () => undefined);

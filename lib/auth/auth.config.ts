import type { NextAuthConfig } from "next-auth";

/** Idle sessions end after 30 minutes; any session ends 12 hours after sign-in. */
export const IDLE_SECONDS = 30 * 60;
export const ABSOLUTE_SECONDS = 12 * 60 * 60;

/**
 * The part of the Auth.js setup that needs no database or native code, shared by
 * proxy.ts (optimistic redirects and rolling the idle expiry) and lib/auth/auth.ts.
 */
export const authConfig = {
  trustHost: true,
  pages: { signIn: "/sign-in" },
  session: { strategy: "jwt", maxAge: IDLE_SECONDS, updateAge: 0 },
  providers: [],
  logger: {
    // A failed sign-in is an expected event (audited separately), not an error with a stack trace.
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      console.error(`[auth] ${error.name}: ${error.message}`);
    },
    warn() {},
    debug() {},
  },
  callbacks: {
    jwt({ token, user }) {
      const now = Math.floor(Date.now() / 1000);
      if (user) {
        token.sub = user.id;
        token.clinicId = user.clinicId;
        token.role = user.role;
        token.sessionVersion = user.sessionVersion;
        token.authTime = now;
      }
      if (typeof token.authTime !== "number" || now - token.authTime > ABSOLUTE_SECONDS) return null;
      return token;
    },
    session({ session, token }) {
      return {
        ...session,
        user: {
          ...session.user,
          id: token.sub ?? "",
          clinicId: token.clinicId,
          role: token.role,
          sessionVersion: token.sessionVersion,
        },
      };
    },
  },
} satisfies NextAuthConfig;

import { describe, expect, it, vi } from "vitest";
import { ABSOLUTE_SECONDS, authConfig, IDLE_SECONDS } from "./auth.config";

type JwtArgs = Parameters<typeof authConfig.callbacks.jwt>[0];
const jwt = (args: Partial<JwtArgs>) => authConfig.callbacks.jwt(args as JwtArgs);

describe("session lifetime", () => {
  it("ends an idle session after 30 minutes: the cookie's lifetime, renewed on each request", () => {
    expect(IDLE_SECONDS).toBe(30 * 60);
    expect(authConfig.session).toMatchObject({ strategy: "jwt", maxAge: IDLE_SECONDS, updateAge: 0 });
  });

  it("ends any session 12 hours after sign-in, however active", () => {
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date("2026-11-21T08:00:00Z"));
      const signedIn = jwt({ token: {}, user: { id: "c1", clinicId: "k1", role: "clinician", sessionVersion: 3 } });
      expect(signedIn).toMatchObject({ sub: "c1", clinicId: "k1", role: "clinician", sessionVersion: 3 });
      vi.setSystemTime(new Date(Date.parse("2026-11-21T08:00:00Z") + (ABSOLUTE_SECONDS - 60) * 1000));
      expect(jwt({ token: signedIn as JwtArgs["token"] })).not.toBeNull();
      vi.setSystemTime(new Date(Date.parse("2026-11-21T08:00:00Z") + (ABSOLUTE_SECONDS + 1) * 1000));
      expect(jwt({ token: signedIn as JwtArgs["token"] })).toBeNull();
      // A token without a sign-in time (forged or from an older format) is no session.
      expect(jwt({ token: { sub: "c1" } })).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});

import { afterAll, describe, expect, it, vi } from "vitest";
import { newToken } from "@/lib/crypto/token";
import { DB_UNAVAILABLE_DIGEST } from "@/lib/errors";

vi.mock("next/headers", () => import("../mocks/next-headers.mock"));
// Nothing listens on port 1: every connection is refused, as while PostgreSQL restarts.
vi.stubEnv("DATABASE_URL", "postgres://postgres@127.0.0.1:1/homeplan");
afterAll(() => vi.unstubAllEnvs());

describe("while the database is away", () => {
  it("JSON routes answer 503 with Retry-After and calm words; pages' errors carry the digest the error page looks for", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const { POST } = await import("@/app/p/[token]/log/route");
    const token = newToken();
    const response = await POST(new Request(`http://homeplan.test/p/${token}/log`, { method: "POST", body: "{}" }), {
      params: Promise.resolve({ token }),
    });
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await response.json()).toEqual({
      error: "unavailable",
      message: "We're having trouble reaching the database. Try again in a moment.",
    });

    const calendar = await import("@/app/p/[token]/calendar.ics/route");
    expect((await calendar.GET(new Request("http://homeplan.test/p/x/calendar.ics"), { params: Promise.resolve({ token }) })).status).toBe(
      503,
    );

    const health = await import("@/app/api/health/route");
    expect((await health.GET()).status).toBe(503);

    const { getDb } = await import("@/db/client");
    await expect(getDb()).rejects.toMatchObject({ digest: DB_UNAVAILABLE_DIGEST });
    // Logged without the connection string's secrets or any parameters, and never as a 500.
    expect(String(errors.mock.calls.flat().join("\n"))).not.toContain("params:");
    errors.mockRestore();
  });
});

import { describe, expect, it, vi } from "vitest";
import { AppError, DB_UNAVAILABLE_DIGEST, errorResponse, isDatabaseUnavailable, logError, markDatabaseUnavailable } from "./errors";

describe("logging a failed query", () => {
  it("keeps the statement and the SQLSTATE, never the parameters", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const error = Object.assign(
      new Error(
        'Failed query: insert into "patients" ("name", "notes") values ($1, $2)\nparams: Percival Thorne,lumbar flare after rowing',
      ),
      {
        cause: { code: "22P05", message: "unsupported Unicode escape sequence" },
      },
    );
    logError("action failed", error);
    const line = String(spy.mock.calls[0]?.[0]);
    expect(line).toContain('insert into "patients"');
    expect(line).toContain("22P05");
    expect(line).not.toContain("Percival");
    expect(line).not.toContain("lumbar");
    spy.mockRestore();
  });
});

describe("telling 'the database is away' from other failures", () => {
  const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED", errno: -111 });
  const wrapped = (cause: unknown) => Object.assign(new Error("Failed query: select 1\nparams: "), { cause });

  it("recognises a refused, dropped or restarting database, also inside a failed query", () => {
    for (const e of [
      refused,
      wrapped(refused),
      wrapped(Object.assign(new Error("write CONNECTION_CLOSED"), { code: "CONNECTION_CLOSED" })),
      wrapped(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })),
      wrapped(Object.assign(new Error("the database system is starting up"), { code: "57P03" })),
      Object.assign(new Error("connection failure"), { code: "08006" }),
      Object.assign(new Error("timeout"), { code: "CONNECT_TIMEOUT" }),
    ]) {
      expect(isDatabaseUnavailable(e), String((e as Error).message)).toBe(true);
    }
  });

  it("does not blame the database for a bad query, a constraint or a bug", () => {
    for (const e of [
      wrapped(Object.assign(new Error("value out of range for type integer"), { code: "22003" })),
      wrapped(Object.assign(new Error("duplicate key"), { code: "23505" })),
      new TypeError("Cannot read properties of undefined"),
      new AppError("not_found"),
      "ECONNREFUSED",
      null,
    ]) {
      expect(isDatabaseUnavailable(e)).toBe(false);
    }
  });

  it("marks the error for the error page, and JSON routes answer 503 with Retry-After", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const error = wrapped(refused);
    expect(markDatabaseUnavailable(error)).toBe(error);
    expect((error as { digest?: string }).digest).toBe(DB_UNAVAILABLE_DIGEST);
    const response = errorResponse(wrapped(refused));
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await response.json()).toEqual({ error: "unavailable", message: expect.stringMatching(/trouble reaching the database/) });
    expect(errorResponse(new TypeError("bug")).status).toBe(500);
    vi.restoreAllMocks();
  });
});

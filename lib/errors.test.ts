import { describe, expect, it, vi } from "vitest";
import { logError } from "./errors";

describe("logging a failed query", () => {
  it("keeps the statement and the SQLSTATE, never the parameters", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const error = Object.assign(new Error('Failed query: insert into "patients" ("name", "notes") values ($1, $2)\nparams: Percival Thorne,lumbar flare after rowing'), {
      cause: { code: "22P05", message: "unsupported Unicode escape sequence" },
    });
    logError("action failed", error);
    const line = String(spy.mock.calls[0]?.[0]);
    expect(line).toContain('insert into "patients"');
    expect(line).toContain("22P05");
    expect(line).not.toContain("Percival");
    expect(line).not.toContain("lumbar");
    spy.mockRestore();
  });
});

import { describe, expect, it } from "vitest";
import { sessionLogPayloadSchema } from "./log-payload";
import { makeSessionId } from "./session-id";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("session ids", () => {
  it("makes a v4 UUID the log schema accepts", () => {
    const id = makeSessionId();
    expect(id).toMatch(UUID_V4);
    expect(sessionLogPayloadSchema.shape.idempotencyKey.safeParse(id).success).toBe(true);
  });

  it("still makes fresh v4 UUIDs where randomUUID is missing (plain http)", () => {
    // Shadow the prototype's method on this object only, as a non-secure page sees it.
    Object.defineProperty(crypto, "randomUUID", { value: undefined, configurable: true });
    try {
      expect(typeof crypto.randomUUID).toBe("undefined");
      const ids = new Set(Array.from({ length: 200 }, makeSessionId));
      expect(ids.size).toBe(200);
      for (const id of ids) expect(id).toMatch(UUID_V4);
    } finally {
      delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(typeof crypto.randomUUID).toBe("function");
  });
});

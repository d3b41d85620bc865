import { describe, expect, it } from "vitest";
import { hashToken, newToken } from "./token";

describe("bearer tokens", () => {
  it("are 256 random bits, URL-safe, and never repeat", () => {
    const tokens = new Set(Array.from({ length: 1000 }, newToken));
    expect(tokens.size).toBe(1000);
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(t, "base64url")).toHaveLength(32);
    }
  });

  it("hash to a fixed SHA-256 digest that does not contain the token", () => {
    const token = newToken();
    const digest = hashToken(token);
    expect(digest).toHaveLength(32);
    expect(digest.equals(hashToken(token))).toBe(true);
    expect(digest.toString("base64url")).not.toBe(token);
  });
});

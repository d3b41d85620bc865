import { describe, expect, it } from "vitest";
import { decryptToken, encryptToken, hashToken, linkKey, newToken, TOKEN_PATTERN } from "./token";

describe("patient link tokens", () => {
  it("are 256 random bits, URL-safe, and never repeat", () => {
    const tokens = new Set(Array.from({ length: 1000 }, newToken));
    expect(tokens.size).toBe(1000);
    for (const t of tokens) {
      expect(t).toMatch(TOKEN_PATTERN);
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

  it("round-trip through AES-GCM, and a changed copy or another key reads as nothing", () => {
    const key = linkKey("a-secret-of-at-least-thirty-two-characters");
    const token = newToken();
    const sealed = encryptToken(token, key);
    expect(sealed).not.toContain(token);
    expect(decryptToken(sealed, key)).toBe(token);
    expect(encryptToken(token, key)).not.toBe(sealed);
    const tampered = sealed.slice(0, -2) + (sealed.endsWith("A") ? "BB" : "AA");
    expect(decryptToken(tampered, key)).toBeNull();
    expect(decryptToken(sealed, linkKey("another-secret-of-at-least-thirty-two-chars"))).toBeNull();
    expect(decryptToken("garbage", key)).toBeNull();
  });
});

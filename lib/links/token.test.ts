import { createCipheriv, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { newToken } from "@/lib/crypto/token";
import { decryptToken, encryptToken, linkKey, TOKEN_PATTERN } from "./token";

describe("patient link tokens", () => {
  it("match the pattern the link routes accept", () => {
    expect(newToken()).toMatch(TOKEN_PATTERN);
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

  it("still open a copy kept in the format used before copies were sealed like other values", () => {
    const key = linkKey("a-secret-of-at-least-thirty-two-characters");
    const token = newToken();
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", key, iv);
    const body = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
    const earlier = ["v1", iv, body, cipher.getAuthTag()].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
    expect(decryptToken(earlier, key)).toBe(token);
    expect(decryptToken(earlier, linkKey("another-secret-of-at-least-thirty-two-chars"))).toBeNull();
  });
});

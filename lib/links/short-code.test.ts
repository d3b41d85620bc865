import { describe, expect, it } from "vitest";
import {
  formatShortCode,
  normaliseShortCode,
  shortAddress,
  shortCode,
  shortCodeHash,
  shortCodeKey,
  SHORT_CODE_ALPHABET,
} from "./short-code";
import { newToken } from "@/lib/crypto/token";
import { linkKey } from "./token";

const key = shortCodeKey(linkKey("s".repeat(40)));

describe("short codes", () => {
  it("use 32 characters none of which can be misread as another (no I, L, O, U)", () => {
    expect(new Set(SHORT_CODE_ALPHABET).size).toBe(32);
    expect(SHORT_CODE_ALPHABET).not.toMatch(/[ILOU]/);
  });

  it("are 8 characters of that alphabet, the same for the same token and secret", () => {
    const token = newToken();
    const code = shortCode(token, key);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(shortCode(token, key)).toBe(code);
    expect(shortCode(token, shortCodeKey(linkKey("t".repeat(40))))).not.toBe(code);
  });

  it("spread evenly over the alphabet and do not repeat across many links", () => {
    const codes = Array.from({ length: 4000 }, () => shortCode(newToken(), key));
    expect(new Set(codes).size).toBe(codes.length);
    const counts = new Map<string, number>();
    for (const c of codes.join("")) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(32);
    // 32,000 characters over 32 symbols: 1,000 each expected, sd about 31.
    for (const n of counts.values()) expect(Math.abs(n - 1000)).toBeLessThan(200);
    // The first character carries bits as random as the last.
    expect(new Set(codes.map((c) => c[0])).size).toBe(32);
  });

  it("read back whatever way a person types them", () => {
    expect(normaliseShortCode("7kq4-m2xp")).toBe("7KQ4M2XP");
    expect(normaliseShortCode(" 7KQ4 M2XP ")).toBe("7KQ4M2XP");
    expect(normaliseShortCode("OIL0-1234")).toBe("01101234");
    expect(normaliseShortCode("7KQ4-M2X")).toBeNull();
    expect(normaliseShortCode("7KQ4-M2XPQ")).toBeNull();
    expect(normaliseShortCode("7KQ4-M2XU")).toBeNull();
    expect(normaliseShortCode("7KQ4_M2XP")).toBeNull();
  });

  it("print in two groups under the app's host", () => {
    expect(formatShortCode("7KQ4M2XP")).toBe("7KQ4-M2XP");
    expect(shortAddress("https://example.org", "7KQ4M2XP")).toBe("example.org/c/7KQ4-M2XP");
    expect(shortAddress("http://localhost:3000/", "7KQ4M2XP")).toBe("localhost:3000/c/7KQ4-M2XP");
  });

  it("are stored as a keyed hash that is neither the code nor computable without the secret", () => {
    const hash = shortCodeHash("7KQ4M2XP", key);
    expect(hash).toHaveLength(32);
    expect(hash.toString("latin1")).not.toContain("7KQ4M2XP");
    expect(shortCodeHash("7KQ4M2XP", key).equals(hash)).toBe(true);
    expect(shortCodeHash("7KQ4M2XP", shortCodeKey(linkKey("t".repeat(40)))).equals(hash)).toBe(false);
  });
});

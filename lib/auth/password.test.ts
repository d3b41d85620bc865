import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

/** `$argon2id$v=19$m=19456,t=2,p=1$salt$hash` → its parts. */
function decodePhc(phc: string) {
  const [, algorithm, version, params, salt, hash] = phc.split("$");
  const values = Object.fromEntries((params ?? "").split(",").map((kv) => kv.split("=") as [string, string]));
  return { algorithm, version, memory: Number(values.m), iterations: Number(values.t), parallelism: Number(values.p), salt, hash };
}

describe("password hashing", () => {
  it("uses argon2id with at least 19 MiB of memory and 2 iterations, and a fresh salt each time", async () => {
    const first = await hashPassword("pebble orchard violin");
    const second = await hashPassword("pebble orchard violin");
    const phc = decodePhc(first);
    expect(phc.algorithm).toBe("argon2id");
    expect(phc.version).toBe("v=19");
    expect(phc.memory).toBeGreaterThanOrEqual(19_456);
    expect(phc.iterations).toBeGreaterThanOrEqual(2);
    expect(phc.parallelism).toBeGreaterThanOrEqual(1);
    expect(phc.salt).not.toBe(decodePhc(second).salt);
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("pebble orchard violin");
    expect(await verifyPassword(hash, "pebble orchard violin")).toBe(true);
    expect(await verifyPassword(hash, "pebble orchard violim")).toBe(false);
    expect(await verifyPassword("not a hash", "pebble orchard violin")).toBe(false);
  });

  it("never truncates: a 200-character password differs from itself without its last character", async () => {
    const long = "lantern ".repeat(25);
    const hash = await hashPassword(long);
    expect(await verifyPassword(hash, long)).toBe(true);
    expect(await verifyPassword(hash, long.slice(0, -1))).toBe(false);
    expect(await verifyPassword(hash, long.slice(0, 72))).toBe(false);
  });

  it("treats Unicode exactly: composed and decomposed accents are different passwords", async () => {
    const composed = "café au lait matin";
    const hash = await hashPassword(composed);
    expect(await verifyPassword(hash, composed)).toBe(true);
    expect(await verifyPassword(hash, composed.normalize("NFD"))).toBe(false);
  });
});

import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

/**
 * AES-256-GCM for values that must be readable again but must not sit in the database
 * in the clear (an email body holding a sign-up or patient link, a patient link's copy).
 * The purpose is bound in as associated data, and each purpose gets its own key derived
 * from AUTH_SECRET, so a value sealed for one use cannot be opened as another.
 * One format: "v1." + base64url(iv ‖ tag ‖ ciphertext).
 */
const VERSION = "v1.";
const keys = new Map<string, Buffer>();

function keyFor(purpose: string): Buffer {
  let key = keys.get(purpose);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", env().AUTH_SECRET, "homeplan", `homeplan:${purpose}:v1`, 32));
    keys.set(purpose, key);
  }
  return key;
}

/** Seals under a key of the caller's (patient links derive theirs so their short codes can follow from it). */
export function sealWithKey(plaintext: string, purpose: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return VERSION + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** Throws when the value was changed, sealed for another purpose or under another key. */
export function unsealWithKey(sealed: string, purpose: string, key: Buffer): string {
  if (!sealed.startsWith(VERSION)) throw new Error("not a sealed value");
  const raw = Buffer.from(sealed.slice(VERSION.length), "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(purpose));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

export function seal(plaintext: string, purpose: string): string {
  return sealWithKey(plaintext, purpose, keyFor(purpose));
}

/** Throws when the value was changed, sealed for another purpose or with another secret. */
export function unseal(sealed: string, purpose: string): string {
  return unsealWithKey(sealed, purpose, keyFor(purpose));
}

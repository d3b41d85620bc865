import { createHmac, hkdfSync } from "node:crypto";

/*
 * A short code stands in for a patient link on paper: 8 characters a person can read out
 * and type, that open a page asking for the year of birth before it hands over the link.
 * The code is an HMAC of the link token, so it is recomputed whenever it is needed and
 * never kept; the database keeps only a second HMAC of it, so a dump alone cannot be
 * searched for the 2^40 possible codes without the secret.
 */

/** Crockford's base32: no I, L, O or U, which are read as 1, 1, 0 or mistaken for V. */
export const SHORT_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const SHORT_CODE_LENGTH = 8;

const PATTERN = new RegExp(`^[${SHORT_CODE_ALPHABET}]{${SHORT_CODE_LENGTH}}$`);

/** The code key, derived from the link key (itself from AUTH_SECRET): whoever can seal a link can name its code. */
export function shortCodeKey(linkKey: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", linkKey, "homeplan", "patient-link-short-code-v1", 32));
}

/** The link's code, 40 bits of an HMAC of its token: the same token always gives the same code. */
export function shortCode(token: string, key: Buffer): string {
  let bits = createHmac("sha256", key).update(`code:${token}`).digest().readUIntBE(0, 5);
  let code = "";
  for (let i = 0; i < SHORT_CODE_LENGTH; i++) {
    code = SHORT_CODE_ALPHABET[bits % 32] + code;
    bits = Math.floor(bits / 32);
  }
  return code;
}

/** What is stored and looked up: an HMAC of the code, under its own label. */
export function shortCodeHash(code: string, key: Buffer): Buffer {
  return createHmac("sha256", key).update(`lookup:${code}`).digest();
}

/** In two groups of four, as printed and shown: `7KQ4-M2XP`. */
export function formatShortCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * Whatever a person typed, as a code, or null when it cannot be one. Case, hyphens and
 * spaces do not matter, and the letters people type for digits are read as those digits.
 */
export function normaliseShortCode(input: string): string | null {
  const code = input
    .toUpperCase()
    .replace(/[\s-]+/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  return PATTERN.test(code) ? code : null;
}

/** The printed address, `example.org/c/7KQ4-M2XP`, under the app's own host (and path, if any). */
export function shortAddress(appUrl: string, code: string): string {
  return `${appUrl.replace(/^https?:\/\//, "").replace(/\/+$/, "")}/c/${formatShortCode(code)}`;
}

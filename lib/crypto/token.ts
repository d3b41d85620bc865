import { createHash, randomBytes } from "node:crypto";

/*
 * The bearer tokens Homeplan hands out (patient links, invitations, API keys): 256 bits
 * from the OS CSPRNG, and only their SHA-256 is kept to find them again. A hash of
 * 256 random bits needs no salt or slow function: there is nothing to guess.
 */

/** 256 random bits as base64url: 43 URL-safe characters. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps of a token: enough to find it, useless to present. */
export function hashToken(token: string): Buffer {
  return createHash("sha256").update(token, "utf8").digest();
}

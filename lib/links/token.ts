import { createDecipheriv, hkdfSync } from "node:crypto";
import { sealWithKey, unsealWithKey } from "@/lib/crypto/seal";

/*
 * A patient link is a capability: whoever holds the URL sees the programme. The token is
 * 256 bits from the OS CSPRNG (lib/crypto/token.ts). The database keeps its SHA-256 (to
 * find the link) and a sealed AES-256-GCM copy (so the clinician can show or resend the
 * same link), never the token.
 */

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A key for link copies only, derived from AUTH_SECRET so one secret is enough to run. */
export function linkKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "homeplan", "patient-link-token-v1", 32));
}

const PURPOSE = "patient-link-token";

/** The link's copy, sealed like every other stored secret (lib/crypto/seal.ts). */
export function encryptToken(token: string, key: Buffer): string {
  return sealWithKey(token, PURPOSE, key);
}

/** The token, or null when the copy was changed or sealed under another key. */
export function decryptToken(sealed: string, key: Buffer): string | null {
  try {
    return sealed.split(".").length === 4 ? openEarlierCopy(sealed, key) : unsealWithKey(sealed, PURPOSE, key);
  } catch {
    return null;
  }
}

/**
 * Links issued before copies were sealed with lib/crypto/seal.ts kept "v1.iv.body.tag"
 * (no associated data). Such a link lives at most LINK_DAYS, so this reader can go once
 * the last of them has expired.
 */
function openEarlierCopy(sealed: string, key: Buffer): string | null {
  const [version, iv, body, tag] = sealed.split(".");
  if (version !== "v1" || !iv || !body || !tag) return null;
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

/*
 * The one-click unsubscribe in a reminder (RFC 8058) must work without signing in and
 * after the patient link is replaced, yet must not open the programme. So it carries its
 * own capability: the clinic and programme ids with an HMAC of them under a key derived
 * from the link key. Whoever holds it can only turn that programme's reminders off.
 */

export const UNSUBSCRIBE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{64}$/;

export function unsubscribeKey(linkKey: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", linkKey, "homeplan", "reminder-unsubscribe-v1", 32));
}

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ""), "hex");
const uuidText = (b: Buffer) => {
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};
const mac = (ids: Buffer, key: Buffer) => createHmac("sha256", key).update(ids).digest().subarray(0, 16);

export function unsubscribeToken(ref: { clinicId: string; programmeId: string }, key: Buffer): string {
  const ids = Buffer.concat([uuidBytes(ref.clinicId), uuidBytes(ref.programmeId)]);
  return Buffer.concat([ids, mac(ids, key)]).toString("base64url");
}

/** The programme a genuine token names, or null for anything else. */
export function readUnsubscribeToken(token: string, key: Buffer): { clinicId: string; programmeId: string } | null {
  if (!UNSUBSCRIBE_TOKEN_PATTERN.test(token)) return null;
  const raw = Buffer.from(token, "base64url");
  if (raw.length !== 48) return null;
  const ids = raw.subarray(0, 32);
  if (!timingSafeEqual(raw.subarray(32), mac(ids, key))) return null;
  return { clinicId: uuidText(ids.subarray(0, 16)), programmeId: uuidText(ids.subarray(16, 32)) };
}

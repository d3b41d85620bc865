import "server-only";
import type { DatabaseOrTransaction } from "@/db/client";
import { linkPrintsShortCode } from "@/db/queries/links";
import { env } from "@/lib/env";
import { shortAddress, shortCode, shortCodeKey } from "./short-code";
import { linkKey } from "./token";

/**
 * The short address the handout prints under the QR code, or undefined to print the full
 * link: links issued before short codes have none, and a patient with no date of birth
 * has no year to be asked for.
 */
export async function printedShortAddress(
  db: DatabaseOrTransaction,
  link: { id: string; clinicId: string; token: string },
): Promise<string | undefined> {
  if (!(await linkPrintsShortCode(db, link.id, link.clinicId))) return undefined;
  const { APP_URL, AUTH_SECRET } = env();
  return shortAddress(APP_URL, shortCode(link.token, shortCodeKey(linkKey(AUTH_SECRET))));
}

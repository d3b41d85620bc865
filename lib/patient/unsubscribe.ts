import "server-only";
import { getDb } from "@/db/client";
import { getReminder, unsubscribeReminder } from "@/db/queries/reminders";
import { env } from "@/lib/env";
import { linkKey } from "@/lib/links/token";
import { readUnsubscribeToken, unsubscribeKey } from "@/lib/links/unsubscribe";

/** The programme an unsubscribe token names, or null for a token this server did not make. */
export function programmeOfUnsubscribe(token: string) {
  return readUnsubscribeToken(token, unsubscribeKey(linkKey(env().AUTH_SECRET)));
}

/** Whether the reminders a token names are on now (false for an unknown token). */
export async function remindersOn(token: string): Promise<boolean> {
  const ref = programmeOfUnsubscribe(token);
  if (!ref) return false;
  const state = await getReminder(await getDb(), ref);
  return state?.sendAtMinute != null;
}

/**
 * The token is the capability (RFC 8058: no cookie, no sign-in). It can only turn one
 * programme's reminders off, so it stays good after the link is replaced. An unknown
 * token and a repeat look the same: done.
 */
export async function unsubscribeByToken(token: string): Promise<"done" | "unknown"> {
  const ref = programmeOfUnsubscribe(token);
  if (!ref) return "unknown";
  const db = await getDb();
  await db.transaction((tx) => unsubscribeReminder(tx, ref));
  return "done";
}

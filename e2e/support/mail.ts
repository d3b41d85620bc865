import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { decodeQuotedPrintable } from "../../tests/smtp-peer";
import { MAIL_DIR } from "./smtp-peer";

export type ReceivedMail = { file: string; to: string; raw: string; text: string };

export function receivedMail(to: string): ReceivedMail[] {
  if (!existsSync(MAIL_DIR)) return [];
  return readdirSync(MAIL_DIR)
    .sort()
    .map((file) => {
      const raw = readFileSync(path.join(MAIL_DIR, file), "utf8");
      return { file, raw, to: /^X-Envelope-To: (.*)$/m.exec(raw)?.[1]?.trim() ?? "", text: decodeQuotedPrintable(raw) };
    })
    .filter((m) => m.to.split(",").includes(to));
}

/** Waits for the SMTP peer to receive `count` messages for `to`. */
export async function waitForMail(to: string, count = 1): Promise<ReceivedMail[]> {
  await expect
    .poll(() => receivedMail(to).length, { timeout: 30_000, message: `waiting for ${count} email(s) to ${to}` })
    .toBeGreaterThanOrEqual(count);
  return receivedMail(to);
}

export function linkIn(mail: ReceivedMail): string {
  const match = /https?:\/\/[^\s"<>]+\/p\/[A-Za-z0-9_-]{43}/.exec(mail.text);
  if (!match) throw new Error(`no patient link in ${mail.file}`);
  return new URL(match[0]).pathname;
}

/** What the `mailbox` fixture hands a test: the SMTP peer's folder, read by recipient. */
export type Mailbox = {
  /** What has arrived for `to` so far, oldest first. */
  received: typeof receivedMail;
  /** Waits until `count` messages have arrived for `to`, and returns them all, oldest first. */
  waitFor: typeof waitForMail;
  /** The patient link (a path) in a message. */
  linkIn: typeof linkIn;
};

export const mailbox: Mailbox = { received: receivedMail, waitFor: waitForMail, linkIn };

import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startSmtpPeer as startPeer } from "../../tests/smtp-peer";

export const MAIL_DIR = path.resolve("test-results/e2e-mail");

/**
 * The integration tests' SMTP server, for the e2e run: the app sends to it over the
 * network exactly as it would to a provider, and each message lands as an .eml file
 * (envelope recipient first) that the tests read.
 */
export async function startSmtpPeer(): Promise<{ url: string; close: () => Promise<void> }> {
  mkdirSync(MAIL_DIR, { recursive: true });
  let count = 0;
  const peer = await startPeer({
    onMessage: (m) => writeFileSync(path.join(MAIL_DIR, `${Date.now()}-${++count}.eml`), `X-Envelope-To: ${m.to.join(",")}\r\n${m.raw}`),
  });
  return { url: `smtp://127.0.0.1:${peer.port}`, close: peer.close };
}

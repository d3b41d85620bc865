import type { AddressInfo } from "node:net";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import type { MailTransport } from "../lib/email/sender";

export type ReceivedMessage = { from: string; to: string[]; raw: string; headers: Map<string, string>; text: string; html: string };

/**
 * A real SMTP server in this process (smtp-server), for delivery tests. `failing` makes
 * it refuse every message after DATA with the given reply code, as a broken relay would.
 */
export async function startSmtpPeer(
  options: { failing?: { code: number; message: string }; onMessage?: (message: ReceivedMessage) => void } = {},
) {
  const messages: ReceivedMessage[] = [];
  let failing = options.failing;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (failing) {
          const error = new Error(failing.message) as Error & { responseCode: number };
          error.responseCode = failing.code;
          callback(error);
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        const message = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          ...parseMessage(raw),
        };
        messages.push(message);
        options.onMessage?.(message);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages,
    /** Starts or stops refusing messages. */
    setFailing(next: { code: number; message: string } | undefined) {
      failing = next;
    },
    createTransport: (): MailTransport =>
      nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true }) as unknown as MailTransport,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function decodeQuotedPrintable(body: string): string {
  const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

function decodePart(headers: Map<string, string>, body: string): string {
  const encoding = (headers.get("content-transfer-encoding") ?? "").toLowerCase();
  if (encoding === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (encoding === "quoted-printable") return decodeQuotedPrintable(body);
  return body;
}

function splitHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** Just enough MIME for nodemailer's multipart/alternative: the headers, the text part and the HTML part. */
function parseMessage(raw: string): { headers: Map<string, string>; text: string; html: string } {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = splitHeaders(head);
  const body = rest.join("\r\n\r\n");
  const boundary = /boundary="?([^";]+)"?/i.exec(headers.get("content-type") ?? "")?.[1];
  let text = "";
  let html = "";
  if (!boundary) return { headers, text: decodePart(headers, body), html };
  for (const part of body.split(`--${boundary}`)) {
    const [partHead = "", ...partRest] = part.replace(/^\r?\n/, "").split(/\r?\n\r?\n/);
    const partHeaders = splitHeaders(partHead);
    const content = decodePart(partHeaders, partRest.join("\r\n\r\n").replace(/\r?\n$/, ""));
    const type = partHeaders.get("content-type") ?? "";
    if (type.startsWith("text/plain")) text = content;
    if (type.startsWith("text/html")) html = content;
  }
  return { headers, text, html };
}

/** Decodes an RFC 2047 encoded header (nodemailer uses it for non-ASCII subjects). */
export function decodeHeader(value: string): string {
  return value.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, kind: string, data: string) =>
    kind.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : decodeQuotedPrintable(data.replace(/_/g, " ")),
  );
}

import { formatDate } from "@/lib/dates";
import type { Role } from "@/lib/domain/clinic";

/**
 * Every email Homeplan sends, as plain text and HTML. Names and titles come from users,
 * so each value is escaped for HTML and flattened to one line where it lands in a header.
 */
export type RenderedEmail = { subject: string; text: string; html: string };

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Whitespace (line breaks included) collapsed, so a value cannot start a new header or paragraph. */
export function oneLine(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

export function clip(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`;
}

/** Links in our emails only ever go to a web page: anything else is a bug, not a link. */
export function safeUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") throw new Error("email links must be http(s)");
  return parsed.toString();
}

export function layout(input: { heading: string; paragraphs: string[]; button: { label: string; url: string }; footer: string }): string {
  const p = (html: string) => `<p style="margin:0 0 16px;font-size:16px;line-height:1.55;color:#1c2523">${html}</p>`;
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${input.heading}</title></head>
<body style="margin:0;padding:0;background:#f6f8f7;font-family:Atkinson Hyperlegible,Verdana,Arial,sans-serif">
<div style="max-width:560px;margin:0 auto;padding:24px 16px">
<div style="background:#ffffff;border:1px solid #d9e0de;border-radius:12px;padding:28px 24px">
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;color:#1c2523">${input.heading}</h1>
${input.paragraphs.map(p).join("\n")}
<p style="margin:24px 0"><a href="${escapeHtml(input.button.url)}" style="display:inline-block;background:#0f6d64;color:#ffffff;font-weight:bold;font-size:17px;text-decoration:none;padding:12px 22px;border-radius:8px">${input.button.label}</a></p>
<p style="margin:0 0 8px;font-size:14px;line-height:1.5;color:#4f5d5a">If the button does not work, copy this address into your browser:<br><a href="${escapeHtml(input.button.url)}" style="color:#0d5a53;word-break:break-all">${escapeHtml(input.button.url)}</a></p>
</div>
<p style="margin:16px 8px 0;font-size:13px;line-height:1.5;color:#4f5d5a">${input.footer}</p>
</div>
</body>
</html>`;
}

// Anything a mail client would turn into a link: schemes, www., addresses, bare domains.
const LINKISH = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S*|\S+@\S+|[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,24}\b(?:\/\S*)?/giu;

/**
 * A name someone typed (a clinic, an inviter), made fit to show in an email that goes to
 * a stranger: one line, no links, at most 60 characters. Without this an invitation would
 * carry any message with a link in it under our name.
 */
export function plainName(value: string, max = 60): string {
  return clip(oneLine(value.replace(LINKISH, " ")), max);
}

/** The same subject whether or not the address already has an account. */
export function invitationSubject(input: { clinicName: string; inviterName: string }): string {
  return `${plainName(input.inviterName)} invited you to “${plainName(input.clinicName)}” on Homeplan`;
}

export function invitationEmail(input: {
  clinicName: string;
  inviterName: string;
  inviteeName: string;
  role: Role;
  url: string;
  expiresAt: Date;
}): RenderedEmail {
  const clinic = `“${plainName(input.clinicName)}”`;
  const inviter = plainName(input.inviterName);
  const invitee = plainName(input.inviteeName);
  const url = safeUrl(input.url);
  const role = input.role === "owner" ? "an owner" : "a clinician";
  const expires = formatDate(input.expiresAt, { day: "numeric", month: "long", year: "numeric" });
  const greeting = invitee ? `Hello ${invitee},` : "Hello,";
  const subject = invitationSubject(input);
  const text = [
    greeting,
    "",
    `${inviter} has invited you to join ${clinic} on Homeplan as ${role}.`,
    "",
    "To accept, open this link and choose a password:",
    url,
    "",
    `The link works once and expires on ${expires}. If you were not expecting this invitation, you can ignore this email.`,
    "",
    "Homeplan",
  ].join("\n");
  const html = layout({
    heading: `Join ${escapeHtml(clinic)} on Homeplan`,
    paragraphs: [
      escapeHtml(greeting),
      `${escapeHtml(inviter)} has invited you to join ${escapeHtml(clinic)} on Homeplan as ${role}.`,
      "To accept, open the link below and choose a password.",
    ],
    button: { label: "Accept the invitation", url },
    footer: `The link works once and expires on ${escapeHtml(expires)}. If you were not expecting this invitation, you can ignore this email.`,
  });
  return { subject, text, html };
}

/**
 * The patient's link. Deliberately nothing clinical beyond the programme's title, and
 * not even that in the subject line, which shows on lock screens and shared inboxes.
 */
export function patientLinkEmail(input: { clinicName: string; clinicianName: string; programmeTitle: string; url: string }): RenderedEmail {
  const clinic = oneLine(input.clinicName);
  const clinician = oneLine(input.clinicianName);
  const title = oneLine(input.programmeTitle);
  const url = safeUrl(input.url);
  const subject = `Your home exercises from ${clip(clinic, 120)}`;
  const text = [
    "Hello,",
    "",
    `${clinician} at ${clinic} has set up your home exercises: ${title}.`,
    "",
    "Open this link on your phone or computer and follow along, one exercise at a time:",
    url,
    "",
    "Keep this email: the same link always shows your latest exercises. You do not need an account or an app.",
    "",
    `${clinician}, ${clinic}`,
  ].join("\n");
  const html = layout({
    heading: "Your home exercises",
    paragraphs: [
      `${escapeHtml(clinician)} at <strong>${escapeHtml(clinic)}</strong> has set up your home exercises: ${escapeHtml(title)}.`,
      "Open the link on your phone or computer and follow along, one exercise at a time.",
    ],
    button: { label: "Open my exercises", url },
    footer: `Keep this email: the same link always shows your latest exercises. You do not need an account or an app. Sent for ${escapeHtml(clinician)}, ${escapeHtml(clinic)}.`,
  });
  return { subject, text, html };
}

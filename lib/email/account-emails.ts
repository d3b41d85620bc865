/**
 * Emails about a person's own account. They say what happened in words and what to do,
 * and never carry a password, an address or a count precise enough to help an attacker.
 */
import { escapeHtml, invitationSubject, layout, oneLine, plainName, safeUrl, type RenderedEmail } from "./templates";

function render(input: {
  subject: string;
  heading: string;
  paragraphs: string[];
  button: { label: string; url: string };
  footer: string;
}): RenderedEmail {
  const url = safeUrl(input.button.url);
  const text = [...input.paragraphs, "", `${input.button.label}: ${url}`, "", input.footer, "", "Homeplan"]
    .join("\n\n")
    .replace(/\n{3,}/g, "\n\n");
  const html = layout({
    heading: escapeHtml(input.heading),
    paragraphs: input.paragraphs.map(escapeHtml),
    button: { label: escapeHtml(input.button.label), url },
    footer: escapeHtml(input.footer),
  });
  return { subject: input.subject, text, html };
}

export function signInAlertEmail(input: { name: string; signInUrl: string }): RenderedEmail {
  const name = oneLine(input.name).slice(0, 60);
  return render({
    subject: "Many failed sign-in attempts on your Homeplan account",
    heading: "Someone is trying to sign in as you",
    paragraphs: [
      name ? `Hello ${name},` : "Hello,",
      "In the last few minutes there were many sign-in attempts on your Homeplan account with a wrong password, from places you have not signed in from before.",
      "Homeplan slows these attempts down, and you can still sign in as usual from the computer you normally use. You do not need to do anything if your password is long and used nowhere else.",
      "If your password is short, or you use it on another website, change it now under Your account. If you were the one trying, you can ignore this email.",
    ],
    button: { label: "Sign in to Homeplan", url: input.signInUrl },
    footer: "We send this at most once a day. Homeplan never asks for your password by email.",
  });
}

/** To an address that already has an account, instead of an invitation it could not use. */
export function invitationToMemberEmail(input: { clinicName: string; inviterName: string; signInUrl: string }): RenderedEmail {
  const clinic = `“${plainName(input.clinicName)}”`;
  const inviter = plainName(input.inviterName);
  return render({
    // The inviter may see the subject (the clinic's mailbox): it is the invitation's own.
    subject: invitationSubject(input),
    heading: "A clinic tried to add you to Homeplan",
    paragraphs: [
      "Hello,",
      `${inviter} tried to add this email address to the clinic ${clinic} on Homeplan. This address already has a Homeplan account, and an account belongs to one clinic, so the invitation could not be sent.`,
      `If you want to work with ${clinic}, contact them and ask them to invite another email address of yours. If you do not know them, you can ignore this email: nothing has changed on your account.`,
    ],
    button: { label: "Sign in to your account", url: input.signInUrl },
    footer: "Homeplan never asks for your password by email.",
  });
}

/** To an address that already has an account, instead of creating a second one. */
export function signUpExistingEmail(input: { signInUrl: string }): RenderedEmail {
  return render({
    subject: "Your Homeplan account",
    heading: "You already have a Homeplan account",
    paragraphs: [
      "Hello,",
      "Someone, probably you, tried to create a new clinic on Homeplan with this email address. This address already has an account, so no new clinic was created.",
      "Sign in with your existing password. If you have forgotten it, ask an owner of your clinic to invite you again under another address, or to contact us. If you want to join another clinic, ask that clinic to invite you.",
      "If it was not you, you can ignore this email: nothing has changed on your account.",
    ],
    button: { label: "Sign in to Homeplan", url: input.signInUrl },
    footer: "Homeplan never asks for your password by email.",
  });
}

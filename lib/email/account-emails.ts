/**
 * Emails about a person's own account. They say what happened in words and what to do,
 * and never carry a password, an address or a count precise enough to help an attacker.
 */
import { escapeHtml, layout, oneLine, safeUrl, type RenderedEmail } from "./templates";

function render(input: { subject: string; heading: string; paragraphs: string[]; button: { label: string; url: string }; footer: string }): RenderedEmail {
  const url = safeUrl(input.button.url);
  const text = [...input.paragraphs, "", `${input.button.label}: ${url}`, "", input.footer, "", "Homeplan"].join("\n\n").replace(/\n{3,}/g, "\n\n");
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

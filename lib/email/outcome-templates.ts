import { escapeHtml, layout, plainName, safeUrl, type RenderedEmail } from "./templates";

/**
 * A measure has waited a few days on the patient's page. Nothing clinical: not the
 * measure's name, not the programme's title (the email shows on lock screens).
 */
export function outcomeReminderEmail(input: { clinicName: string; clinicianFirstName: string; url: string }): RenderedEmail {
  // Typed names, shown as plain text as in every other patient email: no links under our name.
  const clinic = plainName(input.clinicName);
  const clinician = plainName(input.clinicianFirstName, 40);
  const url = safeUrl(input.url);
  const subject = `A few quick questions from ${clinic}`;
  const text = [
    "Hello,",
    "",
    `${clinician} has a few quick questions about how you are getting on. It takes about a minute.`,
    "",
    "Open your exercise page to answer:",
    url,
    "",
    `${clinician}, ${clinic}`,
  ].join("\n");
  const html = layout({
    heading: "A few quick questions",
    paragraphs: [`${escapeHtml(clinician)} has a few quick questions about how you are getting on. It takes about a minute.`],
    button: { label: "Answer now", url },
    footer: `Sent for ${escapeHtml(clinician)}, ${escapeHtml(clinic)}.`,
  });
  return { subject, text, html };
}

import { clip, escapeHtml, layout, oneLine, safeUrl, type RenderedEmail } from "./templates";

/**
 * A measure has waited a few days on the patient's page. Nothing clinical: not the
 * measure's name, not the programme's title (the email shows on lock screens).
 */
export function outcomeReminderEmail(input: { clinicName: string; clinicianFirstName: string; url: string }): RenderedEmail {
  const clinic = oneLine(input.clinicName);
  const clinician = oneLine(input.clinicianFirstName);
  const url = safeUrl(input.url);
  const subject = `A few quick questions from ${clip(clinic, 120)}`;
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

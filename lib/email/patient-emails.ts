import { clip, escapeHtml, layout, oneLine, plainName, safeUrl, type RenderedEmail } from "./templates";

/*
 * Emails to a patient after the first one: a reminder, a reply, a changed programme.
 * Subjects and bodies say as little as they can (they show on lock screens and in shared
 * inboxes): who it is from and the link. The change notice is the one exception, since
 * what changed is the point of it, and the patient's own link leads there anyway.
 */

export function reminderEmail(input: { clinicName: string; url: string; unsubscribeUrl: string }): RenderedEmail {
  const clinic = plainName(input.clinicName);
  const url = safeUrl(input.url);
  const unsubscribe = safeUrl(input.unsubscribeUrl);
  const subject = "A reminder for today's exercises";
  const text = [
    "Hello,",
    "",
    "You asked for a reminder on days when a session is planned and none is logged yet. Today's exercises are waiting for you:",
    url,
    "",
    "If you have done them already without the app, there is nothing else to do.",
    "",
    `Stop these reminders: ${unsubscribe}`,
    "",
    clinic,
  ].join("\n");
  const html = layout({
    heading: "Today's exercises",
    paragraphs: [
      "You asked for a reminder on days when a session is planned and none is logged yet. Today's exercises are waiting for you.",
      "If you have done them already without the app, there is nothing else to do.",
    ],
    button: { label: "Open my exercises", url },
    footer: `Sent for ${escapeHtml(clinic)} because you turned on reminders. <a href="${escapeHtml(unsubscribe)}" style="color:#0d5a53">Stop these reminders</a>.`,
  });
  return { subject, text, html };
}

/** "Alex replied about your session on Tuesday": nothing of what was written. */
export function replyEmail(input: { clinicName: string; clinicianName: string; sessionDay: string | null; url: string }): RenderedEmail {
  const clinic = plainName(input.clinicName);
  const clinician = plainName(input.clinicianName, 40);
  const url = safeUrl(input.url);
  const about = input.sessionDay ? `about your session on ${input.sessionDay}` : "about your exercises";
  const subject = `${clinician} replied ${about}`;
  const text = [`Hello,`, "", `${clinician} replied ${about}. Read it on your exercise page:`, url, "", clinic].join("\n");
  const html = layout({
    heading: "A reply from your physio",
    paragraphs: [`${escapeHtml(clinician)} replied ${escapeHtml(about)}. Read it on your exercise page.`],
    button: { label: "Read the reply", url },
    footer: `Sent for ${escapeHtml(clinician)}, ${escapeHtml(clinic)}.`,
  });
  return { subject, text, html };
}

/** The new version's computed summary and the clinician's own words. */
export function programmeChangedEmail(input: {
  clinicName: string;
  clinicianName: string;
  changes: string[];
  changeNote: string;
  url: string;
}): RenderedEmail {
  const clinic = plainName(input.clinicName);
  const clinician = plainName(input.clinicianName, 40);
  const url = safeUrl(input.url);
  const changes = input.changes.slice(0, 20).map((c) => clip(oneLine(c), 200));
  const note = clip(input.changeNote.trim(), 1000);
  const subject = `${clinician} updated your home exercises`;
  const text = [
    "Hello,",
    "",
    `${clinician} at ${clinic} has updated your home exercises. What changed:`,
    ...changes.map((c) => `- ${c}`),
    ...(note ? ["", `${clinician} says: ${note}`] : []),
    "",
    "Your usual link shows the new version:",
    url,
    "",
    `${clinician}, ${clinic}`,
  ].join("\n");
  const html = layout({
    heading: "Your exercises have changed",
    paragraphs: [
      `${escapeHtml(clinician)} at <strong>${escapeHtml(clinic)}</strong> has updated your home exercises. What changed:`,
      ...changes.map((c) => `• ${escapeHtml(c)}`),
      ...(note ? [`${escapeHtml(clinician)} says: “${escapeHtml(note).replace(/\n/g, "<br>")}”`] : []),
      "Your usual link shows the new version.",
    ],
    button: { label: "Open my exercises", url },
    footer: `Sent for ${escapeHtml(clinician)}, ${escapeHtml(clinic)}.`,
  });
  return { subject, text, html };
}

import { describe, expect, it } from "vitest";
import { invitationToMemberEmail, signInAlertEmail, signUpExistingEmail } from "./account-emails";
import { outcomeReminderEmail } from "./outcome-templates";
import { programmeChangedEmail, reminderEmail, replyEmail } from "./patient-emails";
import { escapeHtml, invitationEmail, patientLinkEmail, plainName } from "./templates";

const hostile = `<script>alert("x")</script> & 'quotes'`;
const url = "https://homeplan.example.org/p/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde";

describe("email templates", () => {
  it("escapes every interpolated value in the HTML, so a name cannot add markup", () => {
    const email = invitationEmail({
      clinicName: hostile,
      inviterName: hostile,
      inviteeName: hostile,
      role: "clinician",
      url,
      expiresAt: new Date(),
    });
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain(escapeHtml("<script>"));
    const patient = patientLinkEmail({ clinicName: hostile, clinicianName: hostile, programmeTitle: hostile, url });
    expect(patient.html).not.toContain("<script>");
    expect(patient.html).not.toContain(`"x"`);
  });

  it("keeps the subject on one line even when a name contains line breaks", () => {
    const email = invitationEmail({
      clinicName: "Riverside\r\nBcc: everyone@example.org",
      inviterName: "Sam\nOkafor",
      inviteeName: "",
      role: "owner",
      url,
      expiresAt: new Date(),
    });
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.subject).toBe("Sam Okafor invited you to “Riverside Bcc:” on Homeplan");
    const long = invitationEmail({
      clinicName: "C".repeat(120),
      inviterName: "I".repeat(120),
      inviteeName: "",
      role: "owner",
      url,
      expiresAt: new Date(),
    });
    expect(long.subject.length).toBeLessThanOrEqual(250);
  });

  it("puts the link in both versions, with the role and the expiry date in words", () => {
    const email = invitationEmail({
      clinicName: "Riverside Physiotherapy",
      inviterName: "Sam Okafor",
      inviteeName: "Alex",
      role: "owner",
      url,
      expiresAt: new Date("2026-12-01T09:00:00Z"),
    });
    expect(email.text).toContain(url);
    expect(email.text).toContain("as an owner");
    expect(email.text).toContain("expires on 1 December 2026");
    expect(email.html).toContain(`href="${url}"`);
    expect(email.text.startsWith("Hello Alex,")).toBe(true);
  });

  it("refuses a link that is not a web address", () => {
    expect(() =>
      invitationEmail({
        clinicName: "C",
        inviterName: "I",
        inviteeName: "",
        role: "owner",
        url: "javascript:alert(1)",
        expiresAt: new Date(),
      }),
    ).toThrow();
  });

  it("tells the patient who sent it and what to do, and keeps the programme title out of the subject line", () => {
    const email = patientLinkEmail({
      clinicName: "Riverside Physiotherapy",
      clinicianName: "Sam Okafor",
      programmeTitle: "Lumbar disc rehabilitation",
      url,
    });
    expect(email.subject).toBe("Your home exercises from Riverside Physiotherapy");
    expect(email.subject).not.toContain("Lumbar");
    expect(email.text).toContain("Sam Okafor at Riverside Physiotherapy");
    expect(email.text).toContain("Lumbar disc rehabilitation");
    expect(email.text).toContain(url);
    expect(email.text).toMatch(/Open this link .* follow along/);
    expect(email.html).toContain(`href="${url}"`);
  });

  it("shows typed names in invitations as short plain text: no links, no line breaks, at most 60 characters", () => {
    expect(plainName("Riverside Physio")).toBe("Riverside Physio");
    expect(plainName("St. Mary's Clinic, Dr. J.R. Okafor")).toBe("St. Mary's Clinic, Dr. J.R. Okafor");
    expect(plainName("Visit https://evil.example/x now")).toBe("Visit now");
    expect(plainName("Go to www.evil.example or evil.example.com/path")).toBe("Go to or");
    expect(plainName("Mail win@evil.example\r\nBcc: x")).toBe("Mail Bcc: x");
    expect(plainName("A".repeat(200))).toHaveLength(60);
    const email = invitationEmail({
      clinicName: "Free money at bit.ly/abc",
      inviterName: "X".repeat(120),
      inviteeName: "",
      role: "clinician",
      url,
      expiresAt: new Date(),
    });
    expect(`${email.subject}${email.text}${email.html}`).not.toContain("bit.ly");
    expect(email.text).toContain("join “Free money at” on Homeplan");
    expect(email.subject.length).toBeLessThan(140);
  });

  it("writes account emails with advice and nothing an attacker could use", () => {
    const alert = signInAlertEmail({ name: "Alex", signInUrl: "https://homeplan.example.org/sign-in" });
    expect(alert.text).toMatch(/change it now/);
    expect(alert.html).toContain("https://homeplan.example.org/sign-in");
    const member = invitationToMemberEmail({
      clinicName: "Riverside <b>",
      inviterName: "Sam",
      signInUrl: "https://homeplan.example.org/sign-in",
    });
    expect(member.subject).toBe(
      invitationEmail({ clinicName: "Riverside <b>", inviterName: "Sam", inviteeName: "", role: "owner", url, expiresAt: new Date() })
        .subject,
    );
    expect(member.html).not.toContain("<b>");
    expect(member.text).not.toContain("/invite/");
    expect(signUpExistingEmail({ signInUrl: "https://homeplan.example.org/sign-in" }).text).toMatch(
      /already have a Homeplan account|already has an account/,
    );
  });

  it("carries no link but ours in any email to a patient, whatever a clinic or clinician calls itself", () => {
    const names = { clinicName: "Riverside pay now at evil.example/pay", clinicianName: "Sam https://evil.example\r\nBcc: x@evil.example" };
    const emails = {
      outcome: outcomeReminderEmail({ clinicName: names.clinicName, clinicianFirstName: names.clinicianName, url }),
      reminder: reminderEmail({ clinicName: names.clinicName, url, unsubscribeUrl: `${url}/unsubscribe` }),
      reply: replyEmail({ ...names, sessionDay: null, url }),
      changed: programmeChangedEmail({ ...names, changes: [], changeNote: "", url }),
    };
    for (const [name, email] of Object.entries(emails)) {
      expect(email.subject, name).not.toMatch(/[\r\n]/);
      for (const part of [email.subject, email.text, email.html]) expect(part, name).not.toContain("evil.example");
    }
  });
});

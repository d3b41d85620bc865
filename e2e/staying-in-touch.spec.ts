import { expect, test } from "./fixtures";

const EMAIL = "tomas.lindqvist@example.com";

test("reminders are chosen on the patient's page; a question, a reply and a change notice go between the patient and the clinic", async ({
  page,
  clinician,
  builder,
  mailbox,
  phone: patient,
}, testInfo) => {
  test.setTimeout(120_000);
  await clinician.addPatient({ name: "Tomas Lindqvist", email: EMAIL, timeZone: "Europe/Stockholm" });
  const programmeId = new URL(await clinician.newProgramme([["bridge", "Bridge"]])).pathname.split("/")[2]!;
  await page.getByRole("button", { name: `Email the link to ${EMAIL}` }).click();
  const link = mailbox.linkIn((await mailbox.waitFor(EMAIL))[0]!);

  // The patient, on a phone, asks for reminders (a plain form: no script needed) and logs a session with a comment.
  await patient.goto(link);
  await patient.getByLabel("Email me if nothing is logged by").selectOption("18:00");
  await patient.getByRole("button", { name: "Save", exact: true }).click();
  await expect(patient.getByText("Saved: reminders at 18:00.")).toBeVisible();
  await expect(patient.getByText("Times are Europe/Stockholm time.")).toBeVisible();
  // Before any message from the clinic, the patient can ask a question.
  await patient.getByLabel("Ask your physio").fill("Should the bridge pull at my hamstrings?");
  await patient.getByRole("button", { name: "Send", exact: true }).click();
  await expect(patient.getByText("Sent. Your physio will see it in the clinic.")).toBeVisible();
  const logged = await patient.request.post(`${link}/log`, {
    data: {
      idempotencyKey: "touch-e2e-session-0001",
      programmeId,
      version: 1,
      startedAt: null,
      completedAt: new Date().toISOString(),
      exercises: [],
      pain: 2,
      difficulty: "about_right",
      comment: "My knee clicked on the second set.",
    },
  });
  expect(logged.status()).toBe(201);

  // The dashboard shows the patient waiting; the clinician answers in the thread, and the email holds no words.
  await page.goto("/dashboard");
  await page.getByTestId("waiting-messages").getByRole("link", { name: "Tomas Lindqvist" }).click();
  await page.getByLabel("Your message to the patient").fill("A gentle pull is expected; ease off if it cramps.");
  await page.locator("#messages").getByRole("button", { name: "Send reply" }).click();
  await expect(page.locator("#messages").getByText(/Sent\. The patient is emailed that you replied/)).toBeVisible();
  const answerMail = (await mailbox.waitFor(EMAIL, 2)).at(-1)!;
  expect(answerMail.raw).toMatch(/^Subject: .+ replied about your exercises/m);
  expect(answerMail.text).not.toContain("hamstring");
  await page.goto("/dashboard");
  await expect(page.getByTestId("waiting-messages").getByRole("link", { name: "Tomas Lindqvist" })).toHaveCount(0);

  // The clinician sees the reminder is on, and answers the comment from the patient's page.
  await page.goto(`/programmes/${programmeId}`);
  await expect(page.getByTestId("reminder-status")).toContainText("On: an email at 18:00 (Europe/Stockholm time)");
  await page.getByRole("link", { name: "Tomas Lindqvist" }).first().click();
  await page.getByText("Reply to this comment").click();
  await page.getByLabel("Your reply").fill("A click without pain is fine. Keep going.");
  await page.locator("details", { hasText: "Reply to this comment" }).getByRole("button", { name: "Send reply" }).click();
  await expect(page.locator("details", { hasText: "Reply to this comment" }).getByText(/Sent\. The patient/)).toBeVisible();
  const replyMail = (await mailbox.waitFor(EMAIL, 3)).at(-1)!;
  expect(replyMail.raw).toMatch(/^Subject: .+ replied about your session on \w+/m);
  expect(replyMail.text).not.toContain("click without pain");
  expect(mailbox.linkIn(replyMail)).toBe(link);

  // The reply is on the patient's page; they answer back.
  await patient.goto(link);
  await expect(patient.getByTestId("message-thread")).toContainText("A gentle pull is expected");
  await expect(patient.getByTestId("message-thread")).toContainText("A click without pain is fine. Keep going.");
  await patient.getByLabel(/Write back to/).fill("Thanks, will do!");
  await patient.getByRole("button", { name: "Send", exact: true }).click();
  await expect(patient.getByText("Sent. Your physio will see it in the clinic.")).toBeVisible();
  await expect(patient.getByTestId("message-thread")).toContainText("Thanks, will do!");
  await patient.screenshot({ path: testInfo.outputPath("touch-patient-phone.png"), fullPage: true });
  await page.reload();
  await expect(page.getByTestId("message-thread")).toContainText("Thanks, will do!");
  await page.screenshot({ path: testInfo.outputPath("touch-clinician-patient.png"), fullPage: true });

  // An edit, with the offer to email what changed on by default.
  await page.goto(`/programmes/${programmeId}/edit`);
  await builder.add("bird", "Bird-dog");
  await page.getByLabel(/A word for the patient about what changed/).fill("Bird-dog now that kneeling is comfortable.");
  await expect(page.getByTestId("notify-patient")).toBeChecked();
  await builder.save(/Save version 2/);
  await expect(page.getByText(/Saved as version 2.*is being emailed what changed/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("touch-clinician-programme.png"), fullPage: true });
  const changeMail = (await mailbox.waitFor(EMAIL, 4)).at(-1)!;
  expect(changeMail.raw).toMatch(/^Subject: .+ updated your home exercises/m);
  expect(changeMail.text).toContain("Added: Bird-dog");
  expect(changeMail.text).toContain("Bird-dog now that kneeling is comfortable.");
});

import { expect, test } from "./fixtures";

test("the link is emailed over SMTP, opens the patient's page, follows edits, and stops when revoked", async ({
  page,
  browser,
  request,
  clinician,
  builder,
  mailbox,
}) => {
  test.setTimeout(120_000);
  await clinician.addPatient({ name: "Rosa Delgado", email: "rosa.delgado@example.com" });
  await clinician.newProgramme([["bridge", "Bridge"]]);

  await page.getByRole("button", { name: "Email the link to rosa.delgado@example.com" }).click();
  await expect(page.getByText("Link emailed to rosa.delgado@example.com. It is on its way.")).toBeVisible();
  const [mail] = await mailbox.waitFor("rosa.delgado@example.com");
  expect(mail!.raw).toMatch(/^Subject: Your home exercises from Riverside Physiotherapy/m);
  const link = mailbox.linkIn(mail!);
  await expect(page.getByTestId("patient-link")).toHaveValue(new RegExp(`${link}$`));
  await page.reload();
  await expect(page.getByTestId("email-status")).toContainText("Sent");

  const patient = await browser.newPage();
  await patient.goto(link);
  await expect(patient.getByRole("heading", { name: "Bridge" }).first()).toBeVisible();

  // The same link shows the next version, with what changed.
  await page.getByRole("link", { name: "Edit programme" }).click();
  await builder.add("bird", "Bird-dog");
  await builder.save(/Save version 2/);
  await expect(page.getByText(/Saved as version 2/)).toBeVisible();
  // A live link: the patient is told by email what changed, with the same link.
  const [, changed] = await mailbox.waitFor("rosa.delgado@example.com", 2);
  expect(changed!.raw).toMatch(/^Subject: Sam Okafor updated your home exercises/m);
  expect(mailbox.linkIn(changed!)).toBe(link);
  await patient.reload();
  await expect(patient.getByRole("heading", { name: "Bird-dog" }).first()).toBeVisible();
  await expect(patient.getByText(/Bird-dog/).first()).toBeVisible();

  await page.getByRole("button", { name: "Stop this link" }).click();
  await expect(page.getByTestId("link-status")).toHaveText("Stopped");
  expect((await request.get(link)).status()).toBe(404);

  // Emailing again issues a fresh link; only that one works.
  await page.getByRole("button", { name: "Email the link to rosa.delgado@example.com" }).click();
  const mails = await mailbox.waitFor("rosa.delgado@example.com", 3);
  const fresh = mailbox.linkIn(mails[mails.length - 1]!);
  expect(fresh).not.toBe(link);
  expect((await request.get(fresh)).status()).toBe(200);
  expect((await request.get(link)).status()).toBe(404);
});

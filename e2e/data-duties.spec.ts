import AxeBuilder from "@axe-core/playwright";
import { expect, PHONE, test } from "./fixtures";

test("an owner exports a patient's record and erases the patient after typing their name", async ({
  page,
  clinician,
  mailbox,
}, testInfo) => {
  test.setTimeout(120_000);
  // A patient of this test's own: other specs follow the demo patients.
  const patientUrl = await clinician.addPatient({ name: "Ellis Ward", email: "ellis.ward@example.com" });
  // A programme and its link, opened once so the server holds its drawing.
  await clinician.newProgramme([["bridge", "Bridge"]]);
  await page.getByRole("button", { name: "Email the link to ellis.ward@example.com" }).click();
  const link = mailbox.linkIn((await mailbox.waitFor("ellis.ward@example.com"))[0]!);
  expect(await (await page.request.get(link)).text()).toMatch(/Hello (<!-- -->)?Ellis/);
  await page.goto(patientUrl);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export record" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^record-ellis-ward-\d{4}-\d{2}-\d{2}\.zip$/);

  await page.getByText("Erase this patient").click();
  await page.getByLabel("Type the patient's full name to confirm").fill("Ellis War");
  await page.getByRole("button", { name: "Erase for good" }).click();
  await expect(page.getByTestId("form-message")).toHaveText(/does not match/);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: testInfo.outputPath("record-duties-desktop.png"), fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: testInfo.outputPath("record-duties-phone.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByLabel("Type the patient's full name to confirm").fill("Ellis Ward");
  await page.getByRole("button", { name: "Erase for good" }).click();
  await expect(page).toHaveURL(/\/patients\?erased=1/);
  expect((await page.request.get(link)).status()).toBe(404);
  await expect(page.getByRole("status")).toHaveText(/record was erased/);
  await expect(page.getByRole("link", { name: "Ellis Ward" })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("erased-notice-desktop.png"), fullPage: true });
});

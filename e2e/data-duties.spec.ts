import AxeBuilder from "@axe-core/playwright";
import { expect, PHONE, signIn, test } from "./fixtures";

test("an owner exports a patient's record and erases the patient after typing their name", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await signIn(page);
  await page.goto("/patients");
  await page.getByRole("link", { name: "Daniel Reyes" }).click();
  await expect(page.getByRole("heading", { name: "Their record" })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export record" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^record-daniel-reyes-\d{4}-\d{2}-\d{2}\.zip$/);

  await page.getByText("Erase this patient").click();
  await page.getByLabel("Type the patient's full name to confirm").fill("Daniel Reye");
  await page.getByRole("button", { name: "Erase for good" }).click();
  await expect(page.getByTestId("form-message")).toHaveText(/does not match/);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: testInfo.outputPath("record-duties-desktop.png"), fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: testInfo.outputPath("record-duties-phone.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByLabel("Type the patient's full name to confirm").fill("Daniel Reyes");
  await page.getByRole("button", { name: "Erase for good" }).click();
  await expect(page).toHaveURL(/\/patients\?erased=1/);
  await expect(page.getByRole("status")).toHaveText(/record was erased/);
  await expect(page.getByRole("link", { name: "Daniel Reyes" })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("erased-notice-desktop.png"), fullPage: true });
});

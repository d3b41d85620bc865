import AxeBuilder from "@axe-core/playwright";
import { expect, PHONE, signIn, test } from "./fixtures";
import { BuilderPage } from "./pages/builder";
import { programmeWithLink } from "./pages/clinician";

test("a clinician schedules the PSFS, the patient answers on a phone (offline once), and the chart shows the score, its MCID band and the versions", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  await signIn(page);
  // A patient of this test's own: other specs follow the demo patients.
  await page.goto("/patients/new");
  await page.getByLabel("Full name").fill("Rowan Ellery");
  await page.getByLabel("Email").fill("rowan.ellery@example.com");
  await page.getByRole("button", { name: "Add patient" }).click();
  const { link, programmeUrl } = await programmeWithLink(page, "Rowan Ellery", [["bridge", "Bridge", { Sets: "1", Reps: "2" }]]);

  const psfs = page.getByRole("group", { name: "Patient-Specific Functional Scale" });
  await psfs.getByRole("checkbox", { name: "At the start" }).check();
  await psfs.getByRole("combobox", { name: /every how many weeks/ }).selectOption("2");
  await page.getByRole("button", { name: "Save measures" }).click();
  await expect(page.getByTestId("outcome-schedule").getByTestId("form-message")).toHaveText(/Measures saved/);
  await expect(psfs.getByRole("combobox", { name: /every how many weeks/ })).toHaveValue("2");
  await page.locator('section[aria-labelledby="outcomes-heading"]').screenshot({ path: testInfo.outputPath("schedule-desktop.png") });

  const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const patient = await phone.newPage();
  await patient.goto(link);
  await expect(patient.getByRole("heading", { name: /^1 quick question from / })).toBeVisible();
  await patient.getByTestId("outcome-prompt").screenshot({ path: testInfo.outputPath("prompt-phone.png") });
  await patient.getByRole("link", { name: "Answer now" }).click();
  await expect(patient.getByRole("heading", { name: "Everyday activities" })).toBeVisible();
  expect((await new AxeBuilder({ page: patient }).analyze()).violations).toEqual([]);
  await patient.getByLabel("Activity 1").fill("Climbing stairs");
  await patient.getByRole("radio", { name: "4", exact: true }).check();
  await patient.screenshot({ path: testInfo.outputPath("questions-phone.png"), fullPage: true });
  await phone.setOffline(true);
  await patient.getByRole("button", { name: "Send answers" }).click();
  await expect(patient.getByRole("heading", { name: "Saved on this phone" })).toBeVisible();
  await phone.setOffline(false);
  // Back online, opening the page sends what the phone kept; the prompt goes once it has arrived.
  await expect
    .poll(
      async () => {
        await patient.goto(link);
        await patient.waitForTimeout(500);
        await patient.reload();
        return patient.getByTestId("outcome-prompt").count();
      },
      { timeout: 30_000 },
    )
    .toBe(0);
  await expect(patient.getByText(/answers are saved on this phone/)).toBeHidden();
  await phone.close();

  // A second version, so the chart has a change to mark.
  await page.goto(programmeUrl);
  await page.getByRole("link", { name: "Edit programme" }).click();
  const builder = new BuilderPage(page);
  await builder.editDose("Bridge", { Reps: "4" });
  await builder.save(/Save version 2/);
  await expect(page.getByText(/Saved as version 2/)).toBeVisible();

  await page.goto("/patients");
  await page.getByRole("link", { name: "Rowan Ellery" }).click();
  const chart = page.getByTestId("outcomes-section");
  await expect(chart.getByTestId("outcome-point")).toHaveCount(1);
  await expect(chart.getByTestId("mcid-band")).toHaveCount(1);
  await expect(chart.getByTestId("version-marker")).toHaveCount(2);
  await chart.getByRole("button", { name: "v2" }).focus();
  await expect(chart.getByRole("tooltip").filter({ hasText: "Version 2" })).toBeVisible();
  await expect(chart.getByRole("tooltip").filter({ hasText: "Version 2" })).toContainText("Bridge");
  await chart.getByText("The chart as a table").click();
  await expect(chart.getByTestId("outcome-table")).toContainText("PSFS");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });
  await chart.screenshot({ path: testInfo.outputPath("outcome-chart-desktop.png") });
  await page.setViewportSize({ width: 390, height: 844 });
  await chart.screenshot({ path: testInfo.outputPath("outcome-chart-phone.png") });

  // A clinic's own measure: a Questionnaire the importer cannot score is refused with the item named.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/settings");
  await page.getByLabel("Questionnaire JSON (FHIR R4)").fill(
    JSON.stringify({
      resourceType: "Questionnaire",
      title: "Invented scale",
      item: [
        {
          linkId: "sleep",
          text: "Sleep",
          type: "choice",
          answerOption: [{ valueCoding: { code: "a" } }, { valueCoding: { code: "b" } }],
        },
      ],
    }),
  );
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.locator("#q-json-error")).toContainText('Item "sleep"');
  await page
    .locator('section[aria-labelledby="outcome-measures"]')
    .screenshot({ path: testInfo.outputPath("measures-settings-desktop.png") });
});

import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

test("a clinician schedules the PSFS, the patient answers on a phone (offline once), and the chart shows the score, its MCID band and the versions", async ({
  page,
  clinician,
  builder,
  phone: patient,
}, testInfo) => {
  test.setTimeout(120_000);
  // A patient of this test's own: other specs follow the demo patients.
  await clinician.addPatient({ name: "Rowan Ellery", email: "rowan.ellery@example.com" });
  const { link, programmeUrl } = await clinician.programmeWithLink("Rowan Ellery", [["bridge", "Bridge", { Sets: "1", Reps: "2" }]]);

  const psfs = page.getByRole("group", { name: "Patient-Specific Functional Scale" });
  await psfs.getByRole("checkbox", { name: "At the start" }).check();
  await psfs.getByRole("combobox", { name: /every how many weeks/ }).selectOption("2");
  await page.getByRole("button", { name: "Save measures" }).click();
  await expect(page.getByTestId("outcome-schedule").getByTestId("form-message")).toHaveText(/Measures saved/);
  await expect(psfs.getByRole("combobox", { name: /every how many weeks/ })).toHaveValue("2");
  await page.locator('section[aria-labelledby="outcomes-heading"]').screenshot({ path: testInfo.outputPath("schedule-desktop.png") });

  const phone = patient.context();
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
  // The phone may already have sent them on the "online" event; either way the queue empties once the server has them.
  await patient.goto(link);
  await expect
    .poll(() => patient.evaluate(() => (JSON.parse(localStorage.getItem("homeplan:answer-queue") ?? "[]") as unknown[]).length), {
      timeout: 30_000,
    })
    .toBe(0);
  await expect(patient.getByText(/answers are saved on this phone/)).toBeHidden();
  await patient.reload();
  await expect(patient.getByText("Bridge").first()).toBeVisible();
  await expect(patient.getByTestId("outcome-prompt")).toHaveCount(0);

  // A second version, so the chart has a change to mark.
  await page.goto(programmeUrl);
  await page.getByRole("link", { name: "Edit programme" }).click();
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

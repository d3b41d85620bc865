import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

test("a patient types the short address from the handout on a phone, gives their year of birth and lands on the plan; wrong years are throttled", async ({
  page,
  browser,
  clinician,
  phone: patient,
}, testInfo) => {
  test.setTimeout(120_000);
  const { execFileSync } = await import("node:child_process");
  const { writeFileSync } = await import("node:fs");
  // Daniel Reyes (demo data) was born in 1987.
  const { programmeUrl } = await clinician.programmeWithLink("Daniel Reyes", [["bridge", "Bridge", { Sets: "1", Reps: "3" }]]);
  await expect(page.getByTestId("short-address")).toContainText(/\/c\/[0-9A-Z]{4}-[0-9A-Z]{4}/);
  await page.getByRole("region", { name: "Patient link" }).screenshot({ path: testInfo.outputPath("link-panel.png") });

  const pdf = await page.request.get(`${new URL(programmeUrl).pathname}/handout.pdf`);
  expect(pdf.status()).toBe(200);
  const file = testInfo.outputPath("handout.pdf");
  writeFileSync(file, await pdf.body());
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
  const printed = text.match(/\/c\/([0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4})/)?.[1];
  expect(printed, "the handout prints a short address").toBeTruthy();
  expect(text).not.toMatch(/\/p\/[A-Za-z0-9_-]{43}/);

  // Typed as a person would: lower case, no hyphen.
  const response = await patient.goto(`/c/${printed!.replace("-", "").toLowerCase()}`);
  expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
  expect(response?.headers()["x-robots-tag"]).toContain("noindex");
  expect(response?.headers()["cache-control"]).toContain("no-store");
  await expect(patient.getByText("To open your exercise plan, enter the year you were born.")).toBeVisible();
  await expect(patient.getByText(printed!)).toBeVisible();
  expect((await new AxeBuilder({ page: patient }).analyze()).violations).toEqual([]);
  await patient.screenshot({ path: testInfo.outputPath("code-page-phone.png"), fullPage: true });

  const year = patient.getByLabel("Year you were born");
  await year.fill("1988");
  await patient.getByRole("button", { name: "Open my exercises" }).click();
  await expect(patient.getByTestId("code-answer")).toHaveText(/^This code does not work/);
  await patient.screenshot({ path: testInfo.outputPath("code-page-wrong-phone.png"), fullPage: true });

  await year.fill("1987");
  await patient.getByRole("button", { name: "Open my exercises" }).click();
  await expect(patient).toHaveURL(/\/p\/[A-Za-z0-9_-]{43}$/);
  await expect(patient.getByText("Bridge").first()).toBeVisible();

  // Two more wrong years make three: the code is locked, and then even the right year waits.
  await patient.goto(`/c/${printed}`);
  for (const [guess, answer] of [
    ["1990", /^This code does not work/],
    ["1991", /^Too many tries\. Please wait 15 minutes/],
  ] as const) {
    await patient.getByLabel("Year you were born").fill(guess);
    await patient.getByRole("button", { name: "Open my exercises" }).click();
    await expect(patient.getByTestId("code-answer")).toHaveText(answer);
  }
  await patient.getByLabel("Year you were born").fill("1987");
  await patient.getByRole("button", { name: "Open my exercises" }).click();
  await expect(patient.getByTestId("code-answer")).toHaveText(/^Too many tries/);
  await expect(patient).toHaveURL(/\/c\//);
  await patient.screenshot({ path: testInfo.outputPath("code-page-locked-phone.png"), fullPage: true });

  const desktop = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const wide = await desktop.newPage();
  await wide.goto("/c/7KQ4-M2XP");
  await expect(wide.getByLabel("Year you were born")).toBeVisible();
  await wide.screenshot({ path: testInfo.outputPath("code-page-desktop.png"), fullPage: true });
  await desktop.close();
});

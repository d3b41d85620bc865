import { expect, PHONE, test } from "./fixtures";

test.describe("exercise catalogue", () => {
  test("search as you type, filter, and share the search by URL", async ({ page }, testInfo) => {
    await page.goto("/catalogue");
    await expect(page.getByTestId("result-count")).toHaveText(/1[3-9] exercises/);
    await page.getByLabel("Search exercises").fill("brigde");
    await expect(page).toHaveURL(/q=brigde/);
    await expect(page.getByRole("listitem").first().getByRole("heading")).toHaveText("Bridge");

    await page.getByLabel("Search exercises").fill("");
    await page.getByLabel("Position").selectOption("quadruped");
    await expect(page).toHaveURL(/position=quadruped/);
    await expect(page.getByTestId("result-count")).toHaveText("2 exercises match");
    await page.screenshot({ path: testInfo.outputPath("catalogue-desktop.png"), fullPage: true });

    await page.goto("/catalogue?q=lying+on+front");
    await expect(page.getByRole("listitem").first().getByRole("heading")).toHaveText("Superman");
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: testInfo.outputPath("catalogue-phone.png"), fullPage: true });
  });

  test("an exercise's detail page shows steps, dose, cautions and sources", async ({ page }, testInfo) => {
    await page.goto("/catalogue?q=knee+to+chest");
    await page
      .getByRole("link", { name: /Knee-to-chest/ })
      .first()
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Knee-to-chest/);
    await expect(page.getByRole("heading", { name: "Steps" })).toBeVisible();
    await expect(page.getByText("Starting dose")).toBeVisible();
    await expect(page.getByText("Where the sources differ")).toBeVisible();
    await expect(page.getByText("000_8328b7f5598f4fa9.txt").first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("detail-desktop.png"), fullPage: true });
  });

  test("a clinician creates a custom exercise, with errors next to fields and nothing lost", async ({ page }, testInfo) => {
    await page.goto("/catalogue/new");
    await page.getByLabel("Name", { exact: true }).fill("Wall slide");
    await page.getByLabel("Sets").fill("25");
    await page.getByRole("button", { name: "Save exercise" }).click();
    await expect(page.getByTestId("form-message")).toContainText("highlighted");
    await expect(page.locator("#field-sets-error")).toHaveText("Sets can be at most 20.");
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Wall slide");
    await page.screenshot({ path: testInfo.outputPath("custom-errors.png"), fullPage: true });

    await page.getByLabel("Purpose").fill("Strengthens the thighs with the back supported by a wall.");
    await page.getByLabel("Starting position").selectOption("standing");
    await page.getByLabel("Target muscles").fill("quadriceps\ngluteus maximus");
    await page
      .getByLabel("Steps")
      .fill("Stand with your back against a wall.\nSlide down until your knees are a little bent.\nSlide back up.");
    await page.getByLabel("Sets").fill("2");
    await page.getByRole("button", { name: "Save exercise" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wall slide");
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

    await page.goto("/catalogue?q=wall+slide");
    await expect(page.getByRole("heading", { name: "Wall slide" })).toBeVisible();
    await expect(page.getByText("Custom").first()).toBeVisible();
  });
});

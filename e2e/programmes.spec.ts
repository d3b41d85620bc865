import { expect, test } from "./fixtures";
import { BuilderPage } from "./pages/builder";

test("a clinician builds, edits and versions a programme, and reuses it as a template", async ({ page, clinician, builder }, testInfo) => {
  test.setTimeout(120_000);

  // A new patient.
  await clinician.addPatient({ name: "Alex Morgan", email: "alex.morgan@example.com" });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Alex Morgan");

  // Five exercises from search, with Enter.
  await page.getByRole("link", { name: "New programme" }).first().click();
  await builder.add("bridge", "Bridge");
  await builder.add("knee to chest", "Knee-to-chest");
  await builder.add("camel", "Cat–cow");
  await builder.add("bird", "Bird-dog");
  await builder.add("pelvic", "Pelvic tilt");
  expect(await builder.names()).toEqual(["Bridge", "Knee-to-chest stretch", "Cat–cow", "Bird-dog", "Pelvic tilt"]);

  // Reorder with the keyboard: pick up Pelvic tilt's handle, move it to the top, drop.
  const handle = page.getByRole("button", { name: /^Reorder Pelvic tilt/ });
  await handle.focus();
  await page.keyboard.press("Space");
  await expect(handle).toHaveAttribute("aria-pressed", "true");
  // A key pressed while the rows are still moving can be lost, so ArrowUp is pressed until
  // the row is drawn at the top of the list (more presses at the top leave it there).
  const list = page.getByRole("list", { name: "Exercises in this programme" });
  const moving = builder.items().filter({ hasText: "Pelvic tilt" });
  await expect(async () => {
    await page.keyboard.press("ArrowUp");
    const [row, top] = await Promise.all([moving.boundingBox(), list.boundingBox()]);
    expect(row!.y - top!.y).toBeLessThan(2);
  }).toPass({ intervals: [250, 250, 500], timeout: 15_000 });
  await page.keyboard.press("Space");
  await expect.poll(() => builder.names()).toEqual(["Pelvic tilt", "Bridge", "Knee-to-chest stretch", "Cat–cow", "Bird-dog"]);
  // And with the move buttons.
  await page.getByRole("button", { name: "Move Bird-dog up" }).click();
  expect(await builder.names()).toEqual(["Pelvic tilt", "Bridge", "Knee-to-chest stretch", "Bird-dog", "Cat–cow"]);

  // A dose out of range is refused next to its field, and nothing typed is lost.
  await builder.editDose("Bridge", { Reps: "150" });
  await builder.save(/Save programme/);
  await expect(page.getByRole("group", { name: "Dose for Bridge" }).getByLabel("Reps", { exact: true })).toHaveAccessibleDescription(
    "Reps can be at most 100.",
  );
  expect(await builder.names()).toHaveLength(5);
  await builder.editDose("Bridge", { Reps: "12", "Hold (s)": "5" });
  await expect(builder.items().filter({ hasText: "Bridge" }).getByTestId("dose-summary")).toHaveText(/3 × 12 · hold 5 s/);
  await page.screenshot({ path: testInfo.outputPath("builder.png"), fullPage: true });
  await page.getByRole("tab", { name: "Preview as patient" }).click();
  await expect(page.getByLabel("Patient preview")).toContainText("3 sets of 12");
  await page.screenshot({ path: testInfo.outputPath("builder-preview.png"), fullPage: true });
  await page.getByRole("tab", { name: "Edit" }).click();
  await builder.save(/Save programme/);
  await expect(page.getByText(/Saved as version 1/)).toBeVisible();

  // Edit again: remove one (with undo), change a dose, save version 2.
  await page.getByRole("link", { name: "Edit programme" }).click();
  await builder.items().filter({ hasText: "Cat–cow" }).getByRole("button", { name: "Remove Cat–cow" }).click();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(builder.items()).toHaveCount(5);
  await page.getByRole("button", { name: "Remove Cat–cow" }).click();
  await builder.editDose("Pelvic tilt", { Reps: "20" });
  await expect(page.getByTestId("pending-changes")).toContainText("Removed: Cat–cow");
  await page.getByLabel(/A word for the patient/).fill("Dropped cat–cow for now; more pelvic tilts.");
  await builder.save(/Save version 2/);
  await expect(page.getByText(/Saved as version 2/)).toBeVisible();
  await expect(page.getByTestId("change-list")).toContainText("Removed: Cat–cow");
  await expect(page.getByTestId("change-list")).toContainText("Pelvic tilt: reps 10 → 20");
  await expect(page.getByTestId("version-history").getByRole("listitem")).toHaveCount(2);
  await page.getByRole("link", { name: "Version 1" }).click();
  await expect(page.getByText("an earlier version, kept for the record")).toBeVisible();
  await expect(page.getByText("Cat–cow")).toBeVisible();
  await page.goBack();

  // Save as a template, then start a new programme from it.
  await page.getByRole("link", { name: "Edit programme" }).click();
  await page.getByLabel("Title").fill("Alex's back plan");
  await page.getByRole("button", { name: "Save as template" }).click();
  await expect(page.getByText(/Saved “Alex's back plan” as a clinic template/)).toBeVisible();
  await page.goto("/templates");
  const template = page.getByTestId("template").filter({ hasText: "Alex's back plan" });
  await template.getByRole("link", { name: "Start programme" }).click();
  await page.getByRole("search").getByLabel("Find a patient").fill("Daniel");
  await page.getByRole("button", { name: "Apply" }).click();
  await page.getByRole("table").getByRole("link", { name: "Daniel Reyes" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New programme for Daniel Reyes");
  expect(await builder.names()).toEqual(["Pelvic tilt", "Bridge", "Knee-to-chest stretch", "Bird-dog"]);
  await builder.save(/Save programme/);
  await expect(page.getByText(/Saved as version 1/)).toBeVisible();
});

test("two clinicians saving from the same version: the second keeps their edits and is told what changed", async ({
  page: first,
  browser,
  demoState,
}) => {
  // Two windows on the same programme, both signed in as the demo clinician.
  const second = await browser.newPage({ storageState: demoState });
  // A programme to edit, made by the first clinician.
  await first.goto("/patients");
  await first.getByRole("link", { name: "Margaret Hughes" }).click();
  await first.getByRole("link", { name: "New programme" }).first().click();
  const a = new BuilderPage(first);
  await a.add("bridge", "Bridge");
  await a.save(/Save programme/);
  await expect(first.getByText(/Saved as version 1/)).toBeVisible();
  const url = first.url();

  await first.goto(url.replace(/\?.*$/, "") + "/edit");
  await second.goto(url.replace(/\?.*$/, "") + "/edit");
  const b = new BuilderPage(second);
  await a.add("superman", "Superman");
  await a.save(/Save version 2/);
  await expect(first.getByText(/Saved as version 2/)).toBeVisible();

  await b.add("bird", "Bird-dog");
  await b.save(/Save version 2/);
  await expect(second.getByTestId("conflict")).toContainText("Added: Superman");
  expect(await b.names()).toEqual(["Bridge", "Bird-dog"]);
  await second.getByRole("button", { name: /Keep my edits and save on top of version 2/ }).click();
  await b.save(/Save version 3/);
  await expect(second.getByText(/Saved as version 3/)).toBeVisible();
  await second.context().close();
});

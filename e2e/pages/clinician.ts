import { expect, type Page } from "@playwright/test";
import { BuilderPage } from "./builder";

/** Builds a short programme for a demo patient and returns the patient link. */
export async function programmeWithLink(
  page: Page,
  patient: string,
  exercises: [query: string, name: string, dose: Record<string, string>][],
) {
  await page.goto("/patients");
  await page.getByRole("link", { name: patient }).click();
  await page.getByRole("link", { name: "New programme" }).first().click();
  const builder = new BuilderPage(page);
  for (const [query, name, dose] of exercises) {
    await builder.add(query, name);
    await builder.editDose(name, dose);
  }
  await builder.save(/Save programme/);
  await expect(page.getByText(/Saved as version 1/)).toBeVisible();
  const programmeUrl = page.url().replace(/\?.*$/, "");
  await page.getByRole("button", { name: "Create link" }).click();
  await expect(page.getByTestId("link-status")).toHaveText("Active");
  const link = await page.getByTestId("patient-link").inputValue();
  return { link: new URL(link).pathname, programmeUrl };
}

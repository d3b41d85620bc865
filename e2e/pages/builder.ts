import { expect, type Page } from "@playwright/test";

/** The programme builder as a clinician drives it: keyboard first. */
export class BuilderPage {
  constructor(readonly page: Page) {}

  get search() {
    return this.page.getByRole("combobox", { name: "Add exercises" });
  }

  items() {
    return this.page.getByTestId("programme-item");
  }

  async names() {
    return this.items().locator("p.truncate.font-bold").allTextContents();
  }

  /** Types a query, waits for the first result to be the one wanted, and presses Enter. */
  async add(query: string, expected: string) {
    // Count only once the builder is on screen, not the page it was opened from.
    await expect(this.search).toBeVisible();
    const before = await this.items().count();
    await this.search.fill(query);
    await expect(this.page.getByRole("option").first()).toContainText(expected);
    await this.search.press("Enter");
    await expect(this.items()).toHaveCount(before + 1);
  }

  async editDose(name: string, values: Record<string, string>) {
    const row = this.items().filter({ hasText: name });
    const group = this.page.getByRole("group", { name: `Dose for ${name}` });
    // A row with an error from the last save is already open.
    if (!(await group.isVisible())) await row.getByRole("button", { name: "Edit dose" }).click();
    for (const [label, value] of Object.entries(values)) await group.getByLabel(label, { exact: true }).fill(value);
    await row.getByRole("button", { name: "Done" }).click();
  }

  async save(label: RegExp = /^Save/) {
    await this.page.getByRole("button", { name: label }).last().click();
  }
}

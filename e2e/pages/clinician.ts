import { expect, type Page } from "@playwright/test";
import { BuilderPage } from "./builder";

type Dose = Record<string, string>;

/** The clinician's portal, for the steps most specs take on the way to what they test. */
export class ClinicianPage {
  readonly builder: BuilderPage;

  constructor(readonly page: Page) {
    this.builder = new BuilderPage(page);
  }

  /** Adds a patient of the spec's own (the demo patients are shared) and returns their record's address. */
  async addPatient(patient: { name: string; email: string; timeZone?: string }): Promise<string> {
    await this.page.goto("/patients/new");
    await this.page.getByLabel("Full name").fill(patient.name);
    await this.page.getByLabel("Email").fill(patient.email);
    if (patient.timeZone) await this.page.getByLabel("Time zone").selectOption(patient.timeZone);
    await this.page.getByRole("button", { name: "Add patient" }).click();
    await expect(this.page.getByRole("heading", { name: "Their record" })).toBeVisible();
    return this.page.url();
  }

  async openPatient(name: string) {
    await this.page.goto("/patients");
    await this.page.getByRole("link", { name }).click();
    await expect(this.page.getByRole("heading", { level: 1 })).toHaveText(name);
  }

  /** From the open patient record: a first programme of these exercises, saved as version 1. */
  async newProgramme(exercises: [query: string, name: string, dose?: Dose][]): Promise<string> {
    await this.page.getByRole("link", { name: "New programme" }).first().click();
    for (const [query, name, dose] of exercises) {
      await this.builder.add(query, name);
      if (dose && Object.keys(dose).length) await this.builder.editDose(name, dose);
    }
    await this.builder.save(/Save programme/);
    await expect(this.page.getByText(/Saved as version 1/)).toBeVisible();
    return this.page.url().replace(/\?.*$/, "");
  }

  /** Builds a short programme for a patient and returns the patient link (a path) and the programme's address. */
  async programmeWithLink(patient: string, exercises: [query: string, name: string, dose?: Dose][]) {
    await this.openPatient(patient);
    const programmeUrl = await this.newProgramme(exercises);
    await this.page.getByRole("button", { name: "Create link" }).click();
    await expect(this.page.getByTestId("link-status")).toHaveText("Active");
    const link = await this.page.getByTestId("patient-link").inputValue();
    return { link: new URL(link).pathname, programmeUrl };
  }

  /** Erases the patient whose record is open, typing their name to confirm. */
  async eraseOpenPatient(name: string) {
    await this.page.getByText("Erase this patient").click();
    await this.page.getByLabel("Type the patient's full name to confirm").fill(name);
    await this.page.getByRole("button", { name: "Erase for good" }).click();
    await expect(this.page).toHaveURL(/\/patients\?erased=1/);
  }
}

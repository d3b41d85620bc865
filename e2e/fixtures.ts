import { test as base, expect, type Page } from "@playwright/test";

export const DEMO = { email: "demo@homeplan.local", password: "stretch-every-morning" };

export const PHONE = { width: 375, height: 740 };

export async function signIn(page: Page, credentials: { email: string; password: string } = DEMO) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
}

export const test = base;
export { expect };

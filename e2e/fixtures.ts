import { mkdirSync } from "node:fs";
import path from "node:path";
import { test as base, expect, type Page } from "@playwright/test";
import { BuilderPage } from "./pages/builder";
import { ClinicianPage } from "./pages/clinician";
import { mailbox, type Mailbox } from "./support/mail";

export const DEMO = { email: "demo@homeplan.local", password: "stretch-every-morning" };

export const PHONE = { width: 375, height: 740 };

/** Signs in through the form. Specs call it for accounts of their own; the demo clinician is signed in once per worker. */
export async function signIn(page: Page, credentials: { email: string; password: string } = DEMO) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
}

type TestFixtures = {
  /** Whether `page` (and `context`) start signed in as the demo clinician. On by default; `test.use({ signedIn: false })` for a guest. */
  signedIn: boolean;
  /** The programme builder on `page`. */
  builder: BuilderPage;
  /** The portal's common steps on `page`: a patient of the spec's own, a programme and its link. */
  clinician: ClinicianPage;
  /** A patient's phone: a page of its own, signed out, at the PHONE viewport with touch. Closed after the test. */
  phone: Page;
  /** The SMTP peer's received mail (see support/smtp-peer.ts). */
  mailbox: Mailbox;
};

type WorkerFixtures = {
  /** A storageState file holding the demo clinician's session, made once per worker: for a second signed-in context. */
  demoState: string;
};

export const test = base.extend<TestFixtures, WorkerFixtures>({
  demoState: [
    async ({ browser }, provide, workerInfo) => {
      const file = path.resolve(`test-results/auth/demo-${workerInfo.parallelIndex}.json`);
      mkdirSync(path.dirname(file), { recursive: true });
      // The session lasts 30 idle minutes from here: far longer than a worker's share of the suite.
      const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL });
      await signIn(await context.newPage());
      await context.storageState({ path: file });
      await context.close();
      await provide(file);
    },
    { scope: "worker", timeout: 60_000 },
  ],
  signedIn: [true, { option: true }],
  // Only `context` carries the session: contexts a test opens itself with browser.newContext() stay signed out.
  context: async ({ browser, signedIn, demoState }, provide) => {
    const context = await browser.newContext(signedIn ? { storageState: demoState } : {});
    await provide(context);
    await context.close();
  },
  builder: async ({ page }, provide) => provide(new BuilderPage(page)),
  clinician: async ({ page }, provide) => provide(new ClinicianPage(page)),
  phone: async ({ browser }, provide) => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    await provide(await context.newPage());
    await context.close();
  },
  mailbox: async ({}, provide) => provide(mailbox),
});

export { expect };

import type { Page } from "@playwright/test";
import { expect, PHONE, signIn, test } from "./fixtures";

const stamp = () => `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

/** Invites a colleague from the settings page and returns the link from the dev mailbox. */
async function inviteAndReadLink(page: Page, invitee: { name: string; email: string }): Promise<string> {
  await page.goto("/settings");
  await page.getByLabel("Name", { exact: true }).fill(invitee.name);
  await page.getByLabel("Email", { exact: true }).fill(invitee.email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByTestId("form-message")).toContainText(`Invitation created for ${invitee.email}`);
  await expect(page.getByTestId("invitation").filter({ hasText: invitee.email })).toContainText(/Email (queued|sending|sent)/);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Mailbox" }).click();
  await page.getByTestId("mailbox-message").filter({ hasText: invitee.email }).first().click();
  const link = page.getByTestId("message-text").getByRole("link");
  await expect(link).toHaveAttribute("href", /\/invite\/[A-Za-z0-9_-]{43}$/);
  return (await link.getAttribute("href"))!;
}

test.describe("a clinic of its own", () => {
  // Signs up and signs in as a new owner: no demo session.
  test.use({ signedIn: false });

  test("a new clinic invites a clinician, who joins; disabling them ends their open session", async ({ page, browser }) => {
    // Two accounts' worth of pages (or ten full-page screenshots): a minute is not enough on a busy machine.
    test.setTimeout(120_000);
    const id = stamp();
    const owner = { email: `owner-${id}@example.org`, password: "orchard lantern pebble kite" };
    const clinicName = `Harbour Physio ${id}`;

    await page.goto("/sign-up");
    await page.getByLabel("Clinic name").fill(clinicName);
    await page.getByLabel("Your name").fill("Jordan Fisher");
    await page.getByLabel("Work email").fill(owner.email);
    await page.getByLabel("Password").fill(owner.password);
    await page.getByRole("button", { name: "Create clinic" }).click();
    // The same answer whether or not the address already had an account: go and sign in.
    await expect(page).toHaveURL(/\/sign-in\?signed-up=1/);
    await expect(page.getByRole("status").filter({ hasText: "your clinic is ready" })).toBeVisible();
    await signIn(page, owner);

    const invitee = { name: "Alex Morgan", email: `alex-${id}@example.org`, password: "violin harbour meadow" };
    const link = await inviteAndReadLink(page, invitee);

    const inviteeContext = await browser.newContext();
    const alex = await inviteeContext.newPage();
    await alex.goto(link);
    await expect(alex.getByRole("heading", { name: `Join ${clinicName}` })).toBeVisible();
    await expect(alex.getByText(invitee.email)).toBeVisible();
    await expect(alex.getByLabel("Your name")).toHaveValue(invitee.name);
    await alex.getByLabel("Choose a password").fill(invitee.password);
    await alex.getByRole("button", { name: "Join the clinic" }).click();
    await expect(alex).toHaveURL(/\/dashboard/);
    await expect(alex.getByRole("heading", { name: "Hello, Alex" })).toBeVisible();

    // The owner sees the new clinician and disables them.
    await page.goto("/settings");
    const row = page.getByTestId("team-member").filter({ hasText: invitee.email });
    await expect(row).toContainText("Active");
    await row.getByRole("button", { name: "Disable" }).click();
    await row.getByRole("button", { name: "Yes, disable" }).click();
    await expect(row).toContainText("Disabled");

    // Alex's open session ends on the very next navigation.
    await alex.getByTestId("signed-in-as").click();
    await expect(alex).toHaveURL(/\/sign-in/);
    await alex.goto("/dashboard");
    await expect(alex).toHaveURL(/\/sign-in/);

    // The link worked once.
    await alex.goto(link);
    await expect(alex.getByTestId("invitation-unusable")).toContainText(
      "This invitation link has expired or was already used. Ask your clinic for a new one.",
    );
    await inviteeContext.close();
  });
});

test("no page sends a password hash to the browser, in HTML or in the RSC payload", async ({ page }) => {
  await inviteAndReadLink(page, { name: "Payload Check", email: `payload-${stamp()}@example.org` });
  const messagePath = new URL(page.url()).pathname;
  for (const path of ["/dashboard", "/settings", "/account", "/mailbox", messagePath]) {
    for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
      // An RSC request is redirected once to its cache-busting ?_rsc= address; a signed-out one would end at /sign-in.
      const response = await page.request.get(path, { headers });
      expect(response.status(), `${path} ${JSON.stringify(headers)}`).toBe(200);
      expect(new URL(response.url()).pathname).toBe(path);
      if (headers.RSC) expect(response.headers()["content-type"]).toContain("text/x-component");
      const body = await response.text();
      expect(body.length).toBeGreaterThan(500);
      expect(body, `${path} ${JSON.stringify(headers)}`).not.toContain("$argon2");
      expect(body).not.toContain("password_hash");
      expect(body).not.toContain("passwordHash");
    }
  }
});

test("settings, account, mailbox and invitation pages fit a phone and a desktop", async ({ page, browser }, testInfo) => {
  // Two accounts' worth of pages (or ten full-page screenshots): a minute is not enough on a busy machine.
  test.setTimeout(120_000);
  const link = await inviteAndReadLink(page, { name: "Layout Check", email: `layout-${stamp()}@example.org` });
  const messagePath = new URL(page.url()).pathname;
  const guest = await (await browser.newContext()).newPage();
  for (const viewport of [PHONE, { width: 1280, height: 800 }]) {
    await page.setViewportSize(viewport);
    await guest.setViewportSize(viewport);
    const pages: [Page, string, string][] = [
      [page, "/settings", "settings"],
      [page, "/account", "account"],
      [page, "/mailbox", "mailbox"],
      [page, messagePath, "message"],
      [guest, link, "invitation"],
    ];
    for (const [tab, path, name] of pages) {
      await tab.goto(path);
      const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name} at ${viewport.width} px scrolls sideways`).toBeLessThanOrEqual(0);
      await tab.screenshot({ path: testInfo.outputPath(`${name}-${viewport.width}.png`), fullPage: true });
    }
  }
});

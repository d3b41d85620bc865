import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const SHORT = { Sets: "1", Reps: "2", "Hold (s)": "3", "Rest (s)": "0" };

/** What the player shows: the end-of-session form, the big button's word, the dial's seconds, and all of the text. */
function screenOf(page: Page) {
  return page.evaluate(() => ({
    form: !!document.querySelector('[data-testid="session-log-form"]'),
    action: document.querySelector('[data-testid="primary-action"]')?.textContent?.trim() ?? "",
    seconds: Number(
      document
        .querySelector('[data-testid="timer-digits"]')
        ?.textContent?.split(":")
        .reduce((m, s) => m * 60 + Number(s), 0) ?? 0,
    ),
    text: document.querySelector("main")?.textContent ?? "",
  }));
}

/**
 * Stops the fake clock (a moment on from where it is): from here the player's timers move
 * only when the test moves them, however slowly a busy machine runs the rest.
 */
async function holdClock(page: Page) {
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 2_000);
}

/**
 * Drives the player on a held fake clock until the end-of-session form appears. A running
 * countdown is crossed in two jumps of fastForward, to its last second (which the dial
 * must show) and past its end (where the screen must move on); never a second at a time,
 * which also ran every animation frame of the figure and took minutes on a busy machine.
 */
async function runSession(page: Page) {
  const moved = (before: string) => expect.poll(async () => (await screenOf(page)).text).not.toBe(before);
  let countdowns = 0;
  for (let step = 0; step < 100; step++) {
    const screen = await screenOf(page);
    if (screen.form) break;
    if (screen.action === "Start" || screen.action === "Done") {
      await page.getByTestId("primary-action").click();
    } else if (screen.seconds > 1) {
      await page.clock.fastForward((screen.seconds - 1) * 1000);
      await expect(page.getByTestId("timer-digits")).toHaveText("1");
      await page.clock.fastForward(1000);
      countdowns++;
    } else {
      await page.clock.fastForward(1000);
    }
    await moved(screen.text);
  }
  expect(countdowns, "countdowns run to their end").toBeGreaterThan(0);
  await expect(page.getByRole("group", { name: "How bad is your pain now?" })).toBeVisible();
}

test("a patient follows the emailed link on a phone, runs a session, and logs it; the clinician sees it", async ({
  page,
  clinician,
  phone: patient,
}, testInfo) => {
  test.setTimeout(120_000);
  const { link } = await clinician.programmeWithLink("Margaret Hughes", [
    ["bridge", "Bridge", SHORT],
    ["pelvic", "Pelvic tilt", SHORT],
  ]);

  await patient.clock.install();
  const response = await patient.goto(link);
  expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
  expect(response?.headers()["x-robots-tag"]).toContain("noindex");
  expect(response?.headers()["cache-control"]).toContain("no-store");
  await expect(patient.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(patient.getByText("Bridge").first()).toBeVisible();
  expect((await new AxeBuilder({ page: patient }).analyze()).violations).toEqual([]);
  await patient.screenshot({ path: testInfo.outputPath("patient-page-phone.png"), fullPage: true });

  await patient.getByRole("link", { name: "Start today's session" }).click();
  await expect(patient.getByTestId("exercise-name")).toHaveText("Bridge");
  expect((await new AxeBuilder({ page: patient }).analyze()).violations).toEqual([]);
  await holdClock(patient);
  await patient.getByTestId("primary-action").click();
  await expect(patient.getByTestId("timer-digits")).toHaveText("5");
  // Five seconds to get ready, then one second into the first three-second hold.
  await patient.clock.fastForward(6000);
  await expect(patient.getByTestId("timer-digits")).toHaveText("2");
  await patient.screenshot({ path: testInfo.outputPath("player-hold-phone.png") });
  await runSession(patient);
  await patient.clock.resume();
  expect((await new AxeBuilder({ page: patient }).analyze()).violations).toEqual([]);
  await patient.getByRole("radio", { name: "4", exact: true }).check();
  await patient.getByRole("radio", { name: "About right" }).check();
  await patient.getByRole("textbox", { name: /Anything you want to tell/ }).fill("Bridges felt fine <b>today</b>.");
  await patient.screenshot({ path: testInfo.outputPath("log-form-phone.png"), fullPage: true });
  await patient.getByRole("button", { name: "Send" }).click();
  await expect(patient.getByRole("heading", { name: /Thank you, Margaret/ })).toBeVisible();

  await page.goto("/patients");
  await page.getByRole("link", { name: "Margaret Hughes" }).click();
  const sessions = page.getByTestId("session-list").getByRole("listitem");
  await expect(sessions).toHaveCount(1);
  await expect(sessions.first()).toContainText("Pain 4/10 · About right");
  await expect(sessions.first()).toContainText("“Bridges felt fine <b>today</b>.”");
  await expect(page.getByTestId("sessions-last-week")).toContainText("1 in the last 7 days");
});

test("a log made offline is kept on the phone and sent once when the connection returns", async ({ page, clinician, phone: patient }) => {
  test.setTimeout(120_000);
  const { link } = await clinician.programmeWithLink("Daniel Reyes", [["superman", "Superman", SHORT]]);
  const phone = patient.context();
  await patient.clock.install();
  await patient.goto(`${link}/play`);
  await expect(patient.getByTestId("exercise-name")).toHaveText("Superman");
  await holdClock(patient);
  await runSession(patient);
  await patient.clock.resume();
  await patient.getByRole("radio", { name: "2", exact: true }).check();
  await phone.setOffline(true);
  await patient.getByRole("button", { name: "Send" }).click();
  await expect(patient.getByRole("heading", { name: /Saved on this phone/ })).toBeVisible();
  await phone.setOffline(false);
  // Back online, the patient opens their page, which sends what the phone kept; its
  // retries run on the fake clock, so the clock jumps on while the clinician looks.
  await patient.goto(link);
  await expect
    .poll(
      async () => {
        await patient.clock.fastForward(5_000);
        // Counted once the record is on screen: counted straight after the click, it read the list page's nothing.
        await clinician.openPatient("Daniel Reyes");
        return page.getByTestId("session-list").getByRole("listitem").count();
      },
      { timeout: 60_000 },
    )
    .toBe(1);
  await expect(patient.getByText(/saved on this phone and will be sent/)).toBeHidden();
  // Reloading the phone's page again must not send it twice.
  await patient.reload();
  await patient.clock.fastForward(10_000);
  await page.reload();
  await expect(page.getByTestId("session-list").getByRole("listitem")).toHaveCount(1);
});

test("unknown, revoked and replaced links all answer the same 404, and a GET writes nothing", async ({ page, request, clinician }) => {
  const { link } = await clinician.programmeWithLink("Priya Natarajan", [["cat", "Cat–cow", SHORT]]);
  expect((await request.get(link)).status()).toBe(200);
  const unknown = await request.get("/p/" + "A".repeat(43));
  expect(unknown.status()).toBe(404);
  const before = await page.getByTestId("patient-link").inputValue();
  await page.getByRole("button", { name: "Replace with a new link" }).click();
  await expect(page.getByTestId("patient-link")).not.toHaveValue(before);
  const replaced = await request.get(link);
  expect(replaced.status()).toBe(404);
  // The same page, but for the address itself and the CSP nonce each response carries.
  const same = (body: string, token: string) =>
    body.replaceAll(token, "TOKEN").replace(/nonce(\\*"\s*[:=]\s*\\*"|=")[A-Za-z0-9+/=]+/g, "nonce=NONCE");
  expect(same(await replaced.text(), link.slice(3))).toBe(same(await unknown.text(), "A".repeat(43)));
  const fresh = new URL(await page.getByTestId("patient-link").inputValue()).pathname;
  expect((await request.get(fresh)).status()).toBe(200);
  await page.getByRole("button", { name: "Stop this link" }).click();
  await expect(page.getByTestId("link-status")).toHaveText("Stopped");
  expect((await request.get(fresh)).status()).toBe(404);
});

test("the printable handout downloads from the patient's link and from the clinician's page", async ({
  page,
  request,
  clinician,
}, testInfo) => {
  const { execFileSync } = await import("node:child_process");
  const { writeFileSync } = await import("node:fs");
  const { link } = await clinician.programmeWithLink("Margaret Hughes", [
    ["knee to chest", "Knee-to-chest", { Sets: "1", Reps: "3" }],
    ["superman", "Superman", { Sets: "2", Reps: "10" }],
  ]);
  const response = await request.get(`${link}/handout.pdf`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const file = testInfo.outputPath("handout.pdf");
  writeFileSync(file, await response.body());
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  expect(text).toContain("Margaret Hughes");
  expect(text).toContain("Knee-to-chest stretch");
  expect(text).toContain("Superman");
  expect(text).toContain("2 sets of 10");
  // Margaret has a date of birth on record, so the sheet prints the short address, not the long link.
  expect(text.replace(/\s+/g, "")).toMatch(/\/c\/[0-9A-Z]{4}-[0-9A-Z]{4}/);
  execFileSync("pdftoppm", ["-png", "-r", "50", file, testInfo.outputPath("handout")]);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the printable handout (PDF)" }).click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
});

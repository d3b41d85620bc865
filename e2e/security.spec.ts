import type { APIResponse, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const SHORT = { Sets: "1", Reps: "2", "Hold (s)": "2", "Rest (s)": "0" };

/** The nonce in a response's script-src, after checking the policy around it. */
function nonceOf(csp: string | undefined): string {
  const scripts =
    csp
      ?.split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith("script-src")) ?? "";
  expect(scripts).toContain("'strict-dynamic'");
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  return /'nonce-([A-Za-z0-9+/=]+)'/.exec(scripts)?.[1] ?? "";
}

/** Loads a page twice: each load has its own nonce, and every script tag carries that load's. */
async function expectFreshNonces(get: () => Promise<APIResponse>) {
  const nonces: string[] = [];
  for (let i = 0; i < 2; i++) {
    const response = await get();
    expect(response.status()).toBe(200);
    const nonce = nonceOf(response.headers()["content-security-policy"]);
    expect(nonce.length).toBeGreaterThanOrEqual(16);
    const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    nonces.push(nonce);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
}

/** Every CSP violation the page reports, from the page's own event and from the console. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on("console", (message) => {
    if (message.type() === "error" && /CSP violation|Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

test("portal and patient pages get a fresh CSP nonce on every request, on every script", async ({ page, clinician }) => {
  test.setTimeout(120_000);
  await expectFreshNonces(() => page.request.get("/dashboard"));
  await expectFreshNonces(() => page.request.get("/patients"));
  const { link } = await clinician.programmeWithLink("Daniel Reyes", [["bridge", "Bridge", SHORT]]);
  await expectFreshNonces(() => page.request.get(link));
  await expectFreshNonces(() => page.request.get(`${link}/play`));

  // The patient page keeps its own headers alongside the nonce.
  const patient = await page.request.get(link);
  expect(patient.headers()["referrer-policy"]).toBe("no-referrer");
  expect(patient.headers()["x-robots-tag"]).toContain("noindex");
  expect(patient.headers()["cache-control"]).toContain("no-store");

  // A page built once keeps a policy without a nonce, still without eval.
  const signInPage = await page.request.get("/sign-in");
  const csp = signInPage.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("script-src 'self' 'unsafe-inline'");
  expect(csp).not.toContain("unsafe-eval");
});

test("the portal and the patient's session run without a single CSP violation", async ({ page, clinician, browser }) => {
  test.setTimeout(120_000);
  const violations = await watchViolations(page);
  for (const path of ["/dashboard", "/patients", "/catalogue", "/templates", "/settings", "/account", "/mailbox"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  const { link } = await clinician.programmeWithLink("Priya Natarajan", [["bridge", "Bridge", SHORT]]);
  await page.getByRole("link", { name: "Patients" }).first().click();
  await expect(page).toHaveURL(/\/patients/);

  const phone = await browser.newContext();
  const patient = await phone.newPage();
  const patientViolations = await watchViolations(patient);
  await patient.goto(link);
  await expect(patient.getByText("Bridge").first()).toBeVisible();
  await patient.getByRole("link", { name: "Start today's session" }).click();
  await expect(patient.getByTestId("exercise-name")).toHaveText("Bridge");
  await patient.getByTestId("primary-action").click();
  await expect(patient.getByTestId("primary-action")).not.toHaveText("Start");
  await phone.close();
  expect([...violations, ...patientViolations]).toEqual([]);
});

test.describe("signed out", () => {
  test.use({ signedIn: false });

  test("a malformed server action request gets no 500", async ({ page }) => {
    // A real action id, taken from the sign-in form's own submission.
    await page.goto("/sign-in");
    const submitted = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
    await page.getByLabel("Email").fill("nobody@example.org");
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const actionId = (await submitted).headers()["next-action"]!;

    const post = (id: string, contentType: string, body: string) =>
      page.request.post("/sign-in", {
        headers: { "Next-Action": id, "Content-Type": contentType, Origin: new URL(page.url()).origin },
        data: body,
      });
    const garbage: [contentType: string, body: string][] = [
      ["text/plain;charset=UTF-8", "}{ not json"],
      ["multipart/form-data; boundary=nothing", "--broken\r\n"],
      ["application/json", "x".repeat(100_000)],
    ];
    // An action id that is not one of ours: Next answers before any of our code runs.
    for (const id of ["0".repeat(42), "garbage"]) {
      for (const [contentType, body] of garbage)
        expect((await post(id, contentType, body)).status(), `Next-Action ${id}: ${body.slice(0, 20)}`).toBeLessThan(500);
    }
    // Our action with arguments that decode but are not a form: a form error, not a 500.
    for (const args of [
      '["$K1", 2147483648, null]',
      '[{"__proto__": {"polluted": true}}, "x"]',
      "[]",
      '[null, "just a string"]',
      "[1e308, [1, 2]]",
    ]) {
      expect((await post(actionId, "text/plain;charset=UTF-8", args)).status(), args).toBeLessThan(500);
    }
  });
});

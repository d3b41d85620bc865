import { expect, PHONE, test } from "./fixtures";

/** The clinician's main screens fit a phone and a desktop, and are saved for a human look. */
test("clinician screens fit a phone and a desktop", async ({ page, request, clinician }, testInfo) => {
  test.setTimeout(120_000);
  const { link, programmeUrl } = await clinician.programmeWithLink("Priya Natarajan", [
    ["bridge", "Bridge", { Sets: "2" }],
    ["cat", "Cat–cow", { Reps: "6" }],
  ]);
  // Two logged sessions so the history and charts have something to show (stamped now: the
  // chart starts at the programme's first version, so anything earlier is left out of it).
  const programmeId = programmeUrl.split("/").pop()!;
  for (const [i, pain] of [2, 4].entries()) {
    const log = await request.post(`${link}/log`, {
      data: {
        idempotencyKey: `screens-session-${i}-000000`,
        programmeId,
        version: 1,
        startedAt: null,
        completedAt: new Date(Date.now() + i).toISOString(),
        exercises: [],
        pain,
        difficulty: "about_right",
        comment: i ? "A bit stiff this morning." : "",
      },
    });
    expect(log.status()).toBe(201);
  }
  const pages: [string, string][] = [
    ["/dashboard", "dashboard"],
    ["/patients", "patients"],
    [programmeUrl, "programme"],
    [`${programmeUrl}/edit`, "builder"],
    ["/templates", "templates"],
  ];
  await page.goto("/patients");
  await page.getByRole("link", { name: "Priya Natarajan" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Priya Natarajan");
  pages.push([new URL(page.url()).pathname, "patient"]);
  for (const viewport of [PHONE, { width: 1280, height: 800 }]) {
    await page.setViewportSize(viewport);
    for (const [path, name] of pages) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name} scrolls sideways at ${viewport.width}px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: testInfo.outputPath(`${name}-${viewport.width}.png`), fullPage: true });
    }
  }
});

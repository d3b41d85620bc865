import { readFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { GPS_POINTER, phonePhoto } from "../lib/media/test-support";
import { programmeWithLink } from "./pages/clinician";
import { expect, PHONE, signIn, test } from "./fixtures";

/** A two-second clip grown past 10 MB with an MP4 "free" box (still valid), as a phone's file would be: the upload must pass the proxy whole. */
const VIDEO = (() => {
  const clip = readFileSync(path.resolve("tests/fixtures/two-seconds.mp4"));
  const free = Buffer.alloc(11 * 1024 * 1024);
  free.writeUInt32BE(free.length, 0);
  free.write("free", 4, "latin1");
  return Buffer.concat([clip, free]);
})();

test("a clinician adds a phone photo and a short video to a custom exercise; the patient sees them, and nobody else can fetch them", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(150_000);
  const stamp = Date.now().toString(36);
  const name = `Hallway wall press ${stamp}`;
  await signIn(page);

  // This test's own patients and exercise: other specs follow the demo patients.
  const patientPages: Record<string, string> = {};
  for (const person of ["Rowan", "Sasha"]) {
    await page.goto("/patients/new");
    await page.getByLabel("Full name").fill(`${person} Media ${stamp}`);
    await page.getByLabel("Email").fill(`${person.toLowerCase()}.${stamp}@example.com`);
    await page.getByRole("button", { name: "Add patient" }).click();
    await expect(page.getByRole("heading", { name: "Their record" })).toBeVisible();
    patientPages[person] = page.url();
  }

  await page.goto("/catalogue/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Purpose").fill("Strengthens the arms and shoulders against a wall.");
  await page.getByLabel("Starting position").selectOption("standing");
  await page.getByLabel("Target muscles").fill("triceps");
  await page.getByLabel("Steps").fill("Stand facing the wall.\nBend your elbows.\nPush back.");
  await page.getByRole("button", { name: "Save exercise" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  const exerciseUrl = page.url().replace(/\?.*$/, "");

  // A phone photo carrying GPS, then the video, each with a preview before it is sent.
  const media = page.getByRole("region", { name: "Photos and video" });
  const photo = await phonePhoto(1200, 900);
  expect(photo.includes(GPS_POINTER)).toBe(true);
  await media.getByTestId("media-file").setInputFiles({ name: "IMG_2041.jpg", mimeType: "image/jpeg", buffer: photo });
  await expect(media.getByRole("img", { name: "Preview of the chosen photo" })).toBeVisible();
  await media.getByLabel("What it shows").fill("Standing at arm's length from the wall, hands flat");
  await media.getByRole("button", { name: "Add to exercise" }).click();
  await expect(media.getByTestId("media-status")).toHaveText(/Added/);
  await media.getByTestId("media-file").setInputFiles({ name: "VID_2042.mp4", mimeType: "video/mp4", buffer: VIDEO });
  await media.getByLabel("What it shows").fill("Two slow presses, side view");
  // The video shows Rowan, found by typing part of their name.
  await media.getByLabel("One of our patients (with their consent)").check();
  await media.getByLabel("Find the patient by name or email").fill(`rowan media ${stamp}`);
  await media.getByRole("button", { name: new RegExp(`Rowan Media ${stamp}`) }).click();
  await expect(media.getByTestId("picked-patient")).toContainText(`Rowan Media ${stamp}`);
  await media.getByRole("button", { name: "Add to exercise" }).click();
  await expect(media.getByText("Video, 2 s")).toBeVisible();
  const stored = media.getByRole("img", { name: "Standing at arm's length from the wall, hands flat" });
  await expect(stored).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("exercise-media-desktop.png"), fullPage: true });

  // Read back as stored: upright, resized, and with no EXIF left at all.
  const photoPath = (await stored.getAttribute("src"))!.replace(/w480\.jpg$/, "w1600.jpg");
  const storedPhoto = await page.request.get(photoPath);
  expect(storedPhoto.status()).toBe(200);
  const bytes = await storedPhoto.body();
  const meta = await sharp(bytes).metadata();
  expect(meta.exif).toBeUndefined();
  expect(bytes.includes(GPS_POINTER)).toBe(false);
  expect([meta.width, meta.height]).toEqual([900, 1200]);
  const mediaId = photoPath.split("/").at(-2)!;

  const { link } = await programmeWithLink(page, `Rowan Media ${stamp}`, [[name, name, {}]]);

  // The patient's phone: the photo is the video's poster, the video seeks.
  const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const patient = await phone.newPage();
  await patient.goto(link);
  const video = patient.getByTestId("exercise-video");
  await expect(video).toBeVisible();
  await expect(video).toHaveAttribute("aria-label", "Two slow presses, side view");
  const poster = (await video.getAttribute("poster"))!;
  expect(poster).toContain(`${link}/media/${mediaId}/`);
  const src = (await video.getAttribute("src"))!;
  const part = await patient.request.get(src, { headers: { range: "bytes=100-1099" } });
  expect(part.status()).toBe(206);
  expect(part.headers()["content-range"]).toBe(`bytes 100-1099/${VIDEO.length}`);
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(1);
  await patient.screenshot({ path: testInfo.outputPath("patient-media-phone.png"), fullPage: true });
  await patient.goto(`${link}/play`);
  await expect(patient.getByTestId("exercise-video")).toHaveAttribute("src", src);
  await patient.screenshot({ path: testInfo.outputPath("player-media-phone.png") });

  // The handout prints the photo.
  const handout = await patient.request.get(`${link}/handout.pdf`);
  expect((await handout.body()).includes("/Subtype /Image")).toBe(true);

  // A live link to a programme without that exercise.
  const other = await programmeWithLink(page, `Sasha Media ${stamp}`, [["superman", "Superman", {}]]);
  expect((await patient.request.get(`${other.link}/media/${mediaId}/w480.jpg`)).status()).toBe(404);
  expect((await patient.request.get(`${link}/media/${mediaId}/w480.jpg`)).status()).toBe(200);

  // Another clinic's session.
  const elsewhere = await browser.newContext();
  const stranger = await elsewhere.newPage();
  const owner = { email: `media-owner-${stamp}@example.org`, password: "orchard lantern pebble kite" };
  await stranger.goto("/sign-up");
  await stranger.getByLabel("Clinic name").fill(`Elsewhere Physio ${stamp}`);
  await stranger.getByLabel("Your name").fill("Sam Elsewhere");
  await stranger.getByLabel("Work email").fill(owner.email);
  await stranger.getByLabel("Password").fill(owner.password);
  await stranger.getByRole("button", { name: "Create clinic" }).click();
  await expect(stranger).toHaveURL(/\/sign-in\?signed-up=1/);
  await signIn(stranger, owner);
  expect((await stranger.request.get(photoPath)).status()).toBe(404);
  expect((await stranger.request.get(`${exerciseUrl}/media/${mediaId}/w480.webp`)).status()).toBe(404);

  await page.setViewportSize(PHONE);
  await page.goto(exerciseUrl);
  await page.screenshot({ path: testInfo.outputPath("exercise-media-phone.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Erasing Rowan takes the video that shows them; the photo, which shows nobody, stays.
  await page.goto(patientPages.Rowan!);
  await page.getByText("Erase this patient").click();
  await page.getByLabel("Type the patient's full name to confirm").fill(`Rowan Media ${stamp}`);
  await page.getByRole("button", { name: "Erase for good" }).click();
  await expect(page).toHaveURL(/\/patients\?erased=1/);
  await page.goto(exerciseUrl);
  await expect(media.getByRole("img", { name: "Standing at arm's length from the wall, hands flat" })).toBeVisible();
  await expect(media.getByText("Video, 2 s")).toHaveCount(0);
  await phone.close();
  await elsewhere.close();
});

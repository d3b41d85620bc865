import sharp from "sharp";
import { GPS_POINTER, phonePhoto } from "../lib/media/test-support";
import { ExerciseMediaPage, PHOTO_ALT, VIDEO } from "./pages/exercise-media";
import { expect, PHONE, test } from "./fixtures";

// Who may fetch the media is media-access.spec.ts: the two halves run side by side.
test("a clinician adds a phone photo and a short video to a custom exercise; the patient sees them; erasing the filmed patient takes the video", async ({
  page,
  clinician,
  phone: patient,
}, testInfo) => {
  test.setTimeout(150_000);
  const stamp = Date.now().toString(36);
  const name = `Hallway wall press ${stamp}`;
  const rowan = `Rowan Media ${stamp}`;
  const exercise = new ExerciseMediaPage(page);

  // This test's own patient and exercise: other specs follow the demo patients.
  const rowanPage = await clinician.addPatient({ name: rowan, email: `rowan.${stamp}@example.com` });
  const exerciseUrl = await exercise.create(name);

  // A phone photo carrying GPS, then the video showing Rowan, each with a preview before it is sent.
  const photo = await phonePhoto(1200, 900);
  expect(photo.includes(GPS_POINTER)).toBe(true);
  const { photoPath, mediaId } = await exercise.addPhoto(photo);
  await exercise.addVideo(rowan);
  await expect(exercise.panel.getByRole("img", { name: PHOTO_ALT })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("exercise-media-desktop.png"), fullPage: true });

  // Read back as stored: upright, resized, and with no EXIF left at all.
  const storedPhoto = await page.request.get(photoPath);
  expect(storedPhoto.status()).toBe(200);
  const bytes = await storedPhoto.body();
  const meta = await sharp(bytes).metadata();
  expect(meta.exif).toBeUndefined();
  expect(bytes.includes(GPS_POINTER)).toBe(false);
  expect([meta.width, meta.height]).toEqual([900, 1200]);

  const { link } = await clinician.programmeWithLink(rowan, [[name, name, {}]]);

  // The patient's phone: the photo is the video's poster, the video seeks.
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

  await page.setViewportSize(PHONE);
  await page.goto(exerciseUrl);
  await page.screenshot({ path: testInfo.outputPath("exercise-media-phone.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Erasing Rowan takes the video that shows them; the photo, which shows nobody, stays.
  await page.goto(rowanPage);
  await clinician.eraseOpenPatient(rowan);
  await page.goto(exerciseUrl);
  await expect(exercise.panel.getByRole("img", { name: PHOTO_ALT })).toBeVisible();
  await expect(exercise.panel.getByText("Video, 2 s")).toHaveCount(0);
});

import { ExerciseMediaPage } from "./pages/exercise-media";
import { expect, signIn, test } from "./fixtures";

// Adding media and what the patient sees is media-upload.spec.ts: the two halves run side by side.
test("an exercise's photo reaches only the links whose programme holds the exercise, and no other clinic", async ({
  page,
  browser,
  request,
  clinician,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const name = `Doorway chest stretch ${stamp}`;
  const exercise = new ExerciseMediaPage(page);

  // This test's own patients and exercise: other specs follow the demo patients.
  for (const person of ["Jules", "Kit"])
    await clinician.addPatient({ name: `${person} Access ${stamp}`, email: `${person.toLowerCase()}.${stamp}@example.com` });
  const exerciseUrl = await exercise.create(name);
  const { photoPath, mediaId } = await exercise.addPhoto();

  // A live link to a programme with the exercise, and one without it.
  const { link } = await clinician.programmeWithLink(`Jules Access ${stamp}`, [[name, name, {}]]);
  const other = await clinician.programmeWithLink(`Kit Access ${stamp}`, [["superman", "Superman", {}]]);
  expect((await request.get(`${link}/media/${mediaId}/w480.jpg`)).status()).toBe(200);
  expect((await request.get(`${other.link}/media/${mediaId}/w480.jpg`)).status()).toBe(404);

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
  // The clinic's own session still can.
  expect((await page.request.get(photoPath)).status()).toBe(200);
  await elsewhere.close();
});

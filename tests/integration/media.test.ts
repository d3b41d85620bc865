import { readFileSync } from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { MediaBase } from "@/components/patient/media-base";
import sharp from "sharp";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { exerciseMedia, exercises, programmeItems } from "@/db/schema";
import { setMediaStore } from "@/lib/media/storage";
import type { MediaStore } from "@/lib/media/store";
import { GPS_POINTER, phonePhoto, pixelBomb } from "@/lib/media/test-support";
import { seedAccessFixture } from "../access/fixture";
import { actAs } from "../mocks/auth.mock";
import { pointAppAtTestDatabase } from "../mocks/db-client.mock";
import { MEDIA_BACKENDS } from "../media-stores";
import { countRows, driver, setupTestDatabase } from "../db";

vi.mock("@/lib/auth/auth", () => import("../mocks/auth.mock"));
vi.mock("next-auth", () => import("../mocks/next-auth.mock"));
vi.mock("next/headers", () => import("../mocks/next-headers.mock"));
vi.mock("next/navigation", () => import("../mocks/next-navigation.mock"));
vi.mock("next/cache", () => import("../mocks/next-cache.mock"));
vi.mock("@/db/client", async (importOriginal) => (await import("../mocks/db-client.mock")).dbClientDouble(importOriginal));

const { db } = setupTestDatabase();
beforeEach(pointAppAtTestDatabase(db));

const upload = await import("@/app/(portal)/catalogue/[id]/media/route");
const clinicFile = await import("@/app/(portal)/catalogue/[id]/media/[mediaId]/[file]/route");
const patientFile = await import("@/app/p/[token]/media/[mediaId]/[file]/route");
const { erasePatientAction } = await import("@/app/(portal)/patients/erase-actions");
const handout = await import("@/app/p/[token]/handout.pdf/route");
const programmeParts = await import("@/app/p/[token]/programme-parts");

const mp4 = readFileSync(path.join(import.meta.dirname, "../fixtures/two-seconds.mp4"));
const tooLong = readFileSync(path.join(import.meta.dirname, "../fixtures/sixty-one-seconds.mp4"));

/** The store as the app sees it, remembering which keys are live, so a refused upload can be shown to leave none. */
function tracked(store: MediaStore) {
  const live = new Set<string>();
  const wrapped: MediaStore = {
    ...store,
    name: store.name,
    put: async (key, body, type) => {
      await store.put(key, body, type);
      live.add(key);
    },
    get: (key, range) => store.get(key, range),
    size: (key) => store.size(key),
    remove: async (keys) => {
      await store.remove(keys);
      for (const key of keys) live.delete(key);
    },
  };
  return { store: wrapped, live };
}

const who = (p: { id: string; clinicId: string; role: "owner" | "clinician"; sessionVersion: number }) => ({
  id: p.id,
  clinicId: p.clinicId,
  role: p.role,
  sessionVersion: p.sessionVersion,
});

function post(
  exerciseId: string,
  file: Buffer | ReadableStream<Uint8Array> | null,
  altText = "Standing wall press, side view",
  extra: Record<string, string> = {},
) {
  return upload.POST(
    new Request(`http://homeplan.test/catalogue/${exerciseId}/media`, {
      method: "POST",
      body: Buffer.isBuffer(file) ? new Uint8Array(file) : file,
      headers: { "x-alt-text": encodeURIComponent(altText), ...extra },
      duplex: "half",
    } as RequestInit),
    { params: Promise.resolve({ id: exerciseId }) },
  );
}
const getClinic = (exerciseId: string, mediaId: string, file: string, headers: Record<string, string> = {}) =>
  clinicFile.GET(new Request("http://homeplan.test/x", { headers }), { params: Promise.resolve({ id: exerciseId, mediaId, file }) });
const getPatient = (token: string, mediaId: string, file: string, headers: Record<string, string> = {}) =>
  patientFile.GET(new Request("http://homeplan.test/x", { headers }), { params: Promise.resolve({ token, mediaId, file }) });
const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());

afterAll(() => setMediaStore(undefined));

/** The shared fixture without its stand-in photo (no real file), then the store under test. */
async function seedFixture(store: MediaStore) {
  setMediaStore(undefined);
  const fx = await seedAccessFixture(db());
  await db().delete(exerciseMedia);
  setMediaStore(store);
  return fx;
}

/** A fresh store of the kind under test, the fixture seeded beside it, the victim's clinician signed in. */
async function withMedia(
  open: (typeof MEDIA_BACKENDS)[number][1],
  run: (context: { fx: Awaited<ReturnType<typeof seedFixture>>; store: MediaStore; live: Set<string> }) => Promise<void>,
) {
  const { store: base, close } = await open();
  const { store, live } = tracked(base);
  try {
    const fx = await seedFixture(store);
    actAs(who(fx.victim.clinician));
    await run({ fx, store, live });
  } finally {
    await close();
  }
}

describe.each(MEDIA_BACKENDS)(`exercise media on ${driver}, stored in a %s`, (_name, open) => {
  it("stores a phone photo without its EXIF and a video that seeks; shows them to the clinic and to a link of that programme only", async () => {
    await withMedia(open, async ({ fx, live }) => {
      const exerciseId = fx.victim.exerciseId;

      const sheet = async () =>
        bytes(
          await handout.GET(new Request("http://homeplan.test/p/x/handout.pdf"), {
            params: Promise.resolve({ token: fx.victim.linkToken }),
          }),
        );
      // The sheet is drawn on the folder run only: drawing it costs seconds, and both stores read alike (tests/unit/media-store.test.ts).
      const printed = _name === "folder";
      if (printed) expect((await sheet()).includes("/Subtype /Image")).toBe(false);
      // The patient page's programme as the page asks for it: its cache key, and the plan drawn under that key.
      const partsOf = { clinicId: fx.victim.clinicId, programmeId: fx.victim.programmeId };
      const mediaBase = `/p/${fx.victim.linkToken}/media`;
      const key = () => programmeParts.programmePartsKey(db(), partsOf);
      // Drawn as the page does: the cached plan inside the link's <MediaBase>; the key itself holds no link.
      const plan = async () => {
        const parts = await programmeParts.getProgrammePageParts(db(), partsOf);
        return renderToStaticMarkup(createElement(MediaBase, { base: mediaBase }, parts!.plan));
      };
      const keyBefore = await key();
      expect(JSON.stringify(keyBefore)).not.toContain(fx.victim.linkToken);
      expect(await plan()).not.toContain(`${mediaBase}/`);

      const photoAnswer = await post(exerciseId, await phonePhoto(1200, 900));
      expect(photoAnswer.status).toBe(201);
      const photo = (await photoAnswer.json()) as { id: string; kind: string };
      expect(photo.kind).toBe("photo");
      const videoAnswer = await post(exerciseId, mp4, "Wall press, two repetitions");
      expect(videoAnswer.status).toBe(201);
      const video = (await videoAnswer.json()) as { id: string };

      // The handout prints the new photo (a new photo is a new sheet, not the cached one).
      if (printed) expect((await sheet()).includes("/Subtype /Image")).toBe(true);
      // The patient's page gets a new cache key with them (the stamp holds each item's hash), drawn under the link's own media address.
      expect(await key()).not.toEqual(keyBefore);
      const drawnPlan = await plan();
      expect(drawnPlan).toContain(`${mediaBase}/${video.id}/video`);
      expect(drawnPlan).toContain(`${mediaBase}/${photo.id}/w960.jpg`);

      // Read back through the app: no EXIF, no GPS, upright (900 wide once turned), at the asked width.
      const stored = await getClinic(exerciseId, photo.id, "w960.jpg");
      expect(stored.status).toBe(200);
      expect(stored.headers.get("content-type")).toBe("image/jpeg");
      const jpeg = await bytes(stored);
      const meta = await sharp(jpeg).metadata();
      expect(meta.exif).toBeUndefined();
      expect(jpeg.includes(GPS_POINTER) && jpeg.includes(Buffer.from("Canary Phone"))).toBe(false);
      expect([meta.width, meta.height]).toEqual([900, 1200]);
      // A browser's revalidation by the content's hash.
      expect((await getClinic(exerciseId, photo.id, "w960.jpg", { "if-none-match": stored.headers.get("etag")! })).status).toBe(304);

      // The video, by range, as a phone seeks it.
      const part = await getClinic(exerciseId, video.id, "video", { range: "bytes=100-1099" });
      expect(part.status).toBe(206);
      expect(part.headers.get("content-range")).toBe(`bytes 100-1099/${mp4.length}`);
      expect((await bytes(part)).equals(mp4.subarray(100, 1100))).toBe(true);
      expect((await bytes(await getClinic(exerciseId, video.id, "video"))).equals(mp4)).toBe(true);
      expect((await getClinic(exerciseId, video.id, "video", { range: `bytes=${mp4.length}-` })).status).toBe(416);

      // The patient's live link opens the media of its programme's exercises.
      expect((await getPatient(fx.victim.linkToken, photo.id, "w480.webp")).headers.get("content-type")).toBe("image/webp");
      expect((await getPatient(fx.victim.linkToken, video.id, "video", { range: "bytes=0-9" })).status).toBe(206);

      // Another clinic's session, an unknown token, an unknown file name: all 404.
      actAs(who(fx.attacker));
      expect((await getClinic(exerciseId, photo.id, "w960.jpg")).status).toBe(404);
      expect((await post(exerciseId, await phonePhoto())).status).toBe(404);
      expect((await getPatient(fx.unknownToken, photo.id, "w960.jpg")).status).toBe(404);
      actAs(who(fx.victim.clinician));
      expect((await getClinic(exerciseId, photo.id, "../../w960.jpg")).status).toBe(404);

      // Moved to an exercise the programme does not have: the link no longer opens it.
      const [other] = await db()
        .insert(exercises)
        .values({
          clinicId: fx.victim.clinicId,
          slug: "other",
          name: "Other",
          purpose: "x",
          category: "strengthen",
          bodyRegion: "hips",
          position: "standing",
          steps: ["x"],
          defaultDosage: { sets: 1, reps: 1, holdSeconds: 0, restSeconds: 0, sides: "none", timesPerDay: 1, daysPerWeek: 1 },
        })
        .returning();
      const otherPhoto = (await (await post(other!.id, await phonePhoto())).json()) as { id: string };
      expect((await getClinic(other!.id, otherPhoto.id, "w480.jpg")).status).toBe(200);
      expect((await getPatient(fx.victim.linkToken, otherPhoto.id, "w480.jpg")).status).toBe(404);
      // …and a clinic address naming the wrong exercise does not either.
      expect((await getClinic(exerciseId, otherPhoto.id, "w480.jpg")).status).toBe(404);
      await db().delete(programmeItems);
      expect((await getPatient(fx.victim.linkToken, photo.id, "w480.jpg")).status).toBe(404);

      expect(live.size).toBe(6 + 1 + 6);
    });
  });

  it("refuses bad files with a clear message and keeps nothing; erasing a patient removes the media that show them", async () => {
    await withMedia(open, async ({ fx, store, live }) => {
      const exerciseId = fx.victim.exerciseId;
      const refusal = async (response: Response | Promise<Response>) => {
        const answer = await response;
        return [answer.status, ((await answer.json()) as { message: string }).message] as const;
      };
      const photo = await phonePhoto();
      const bomb = await pixelBomb();
      const interrupted = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new Uint8Array(photo.subarray(0, 1000)));
          controller.error(new Error("connection reset"));
        },
      });
      expect(await refusal(post(exerciseId, photo, undefined, { origin: "https://elsewhere.example", host: "homeplan.test" }))).toEqual([
        403,
        expect.stringMatching(/own page/),
      ]);
      expect(await refusal(post(exerciseId, Buffer.from("just some text, named photo.jpg")))).toEqual([
        415,
        expect.stringMatching(/not a photo/),
      ]);
      expect(await refusal(post(exerciseId, photo.subarray(0, photo.length - 400)))).toEqual([422, expect.stringMatching(/damaged/)]);
      expect(await refusal(post(exerciseId, bomb))).toEqual([422, expect.stringMatching(/too many pixels/)]);
      expect(await refusal(post(exerciseId, tooLong))).toEqual([422, expect.stringMatching(/longer than 60 seconds/)]);
      expect(await refusal(post(exerciseId, mp4.subarray(0, 2000)))).toEqual([422, expect.stringMatching(/damaged|cut short/)]);
      expect(await refusal(post(exerciseId, photo, " "))).toEqual([400, expect.stringMatching(/Describe what/)]);
      expect(await refusal(post(exerciseId, interrupted))).toEqual([400, expect.stringMatching(/interrupted/)]);
      expect(await refusal(post(exerciseId, null))).toEqual([400, "No file was sent."]);
      expect(await refusal(post(exerciseId, photo, "A photo", { "content-length": String(60 * 1024 * 1024) }))).toEqual([
        413,
        expect.stringMatching(/larger than/),
      ]);
      expect(await refusal(post(exerciseId, photo, "A photo", { "x-shows-patient": crypto.randomUUID() }))).toEqual([
        400,
        expect.stringMatching(/patient/),
      ]);
      expect(await countRows(db(), "exercise_media")).toBe(0);
      expect(live.size).toBe(0);

      // A film of the patient goes with them; the clinic's other media stay.
      const ofPatient = (await (
        await post(exerciseId, mp4, "Percival doing the press", { "x-shows-patient": fx.victim.patientId })
      ).json()) as { id: string };
      const general = (await (await post(exerciseId, photo)).json()) as { id: string };
      expect(live.size).toBe(7);
      actAs(who(fx.victim.owner));
      const form = new FormData();
      for (const [k, v] of Object.entries({ id: fx.victim.patientId, reason: "patient_request", confirmName: fx.canaries.patientName }))
        form.append(k, v);
      await erasePatientAction({}, form).catch(() => undefined);
      expect(await countRows(db(), "patients")).toBe(0);
      expect(await countRows(db(), "exercise_media")).toBe(1);
      expect(await store.size(`${fx.victim.clinicId}/${ofPatient.id}/video`)).toBeNull();
      expect(await store.size(`${fx.victim.clinicId}/${general.id}/w480.jpg`)).toBeGreaterThan(0);
      expect(live.size).toBe(6);
    });
  });
});

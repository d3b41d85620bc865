import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { phonePhoto } from "../../lib/media/test-support";

/** A two-second clip grown past 10 MB with an MP4 "free" box (still valid), as a phone's file would be: the upload must pass the proxy whole. */
export const VIDEO = (() => {
  const clip = readFileSync(path.resolve("tests/fixtures/two-seconds.mp4"));
  const free = Buffer.alloc(11 * 1024 * 1024);
  free.writeUInt32BE(free.length, 0);
  free.write("free", 4, "latin1");
  return Buffer.concat([clip, free]);
})();

/**
 * VIDEO as a file, written once per worker process: handed to the browser by path, the
 * 11 MB is read from disk, where as a buffer it crossed the protocol in base64 (most of a
 * minute on a busy machine).
 */
function videoFile(): string {
  const file = path.resolve(`test-results/media-${process.pid}/VID_2042.mp4`);
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, VIDEO);
  }
  return file;
}

export const PHOTO_ALT = "Standing at arm's length from the wall, hands flat";

/** A custom exercise's page and its "Photos and video" panel. */
export class ExerciseMediaPage {
  constructor(readonly page: Page) {}

  get panel() {
    return this.page.getByRole("region", { name: "Photos and video" });
  }

  /** Creates a custom exercise of the spec's own and returns its address. */
  async create(name: string): Promise<string> {
    await this.page.goto("/catalogue/new");
    await this.page.getByLabel("Name", { exact: true }).fill(name);
    await this.page.getByLabel("Purpose").fill("Strengthens the arms and shoulders against a wall.");
    await this.page.getByLabel("Starting position").selectOption("standing");
    await this.page.getByLabel("Target muscles").fill("triceps");
    await this.page.getByLabel("Steps").fill("Stand facing the wall.\nBend your elbows.\nPush back.");
    await this.page.getByRole("button", { name: "Save exercise" }).click();
    await expect(this.page.getByRole("heading", { level: 1 })).toHaveText(name);
    return this.page.url().replace(/\?.*$/, "");
  }

  /** Adds a phone photo (by default one carrying GPS), previewed before it is sent; returns the stored large size's path and the media id. */
  async addPhoto(photo?: Buffer): Promise<{ photoPath: string; mediaId: string }> {
    await this.panel.getByTestId("media-file").setInputFiles({
      name: "IMG_2041.jpg",
      mimeType: "image/jpeg",
      buffer: photo ?? (await phonePhoto(1200, 900)),
    });
    await expect(this.panel.getByRole("img", { name: "Preview of the chosen photo" })).toBeVisible();
    await this.panel.getByLabel("What it shows").fill(PHOTO_ALT);
    await this.panel.getByRole("button", { name: "Add to exercise" }).click();
    await expect(this.panel.getByTestId("media-status")).toHaveText(/Added/);
    const stored = this.panel.getByRole("img", { name: PHOTO_ALT });
    await expect(stored).toBeVisible();
    const photoPath = (await stored.getAttribute("src"))!.replace(/w480\.jpg$/, "w1600.jpg");
    return { photoPath, mediaId: photoPath.split("/").at(-2)! };
  }

  /** Adds VIDEO, showing one of the clinic's patients, found by typing part of their name. */
  async addVideo(patient: string) {
    await this.panel.getByTestId("media-file").setInputFiles(videoFile());
    await this.panel.getByLabel("What it shows").fill("Two slow presses, side view");
    await this.panel.getByLabel("One of our patients (with their consent)").check();
    await this.panel.getByLabel("Find the patient by name or email").fill(patient.toLowerCase());
    await this.panel.getByRole("button", { name: new RegExp(patient) }).click();
    await expect(this.panel.getByTestId("picked-patient")).toContainText(patient);
    await this.panel.getByRole("button", { name: "Add to exercise" }).click();
    await expect(this.panel.getByText("Video, 2 s")).toBeVisible();
  }
}

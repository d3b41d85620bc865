import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { folderStore } from "@/lib/media/fs-store";
import { mediaKey, type MediaStore } from "@/lib/media/store";
import { MEDIA_BACKENDS } from "../media-stores";

async function bytesOf(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** The one suite both media stores pass: whatever S3_URL says, the app sees the same store. */

describe.each(MEDIA_BACKENDS)("media store: %s", (_name, open) => {
  let store: MediaStore;
  let close: () => Promise<void>;
  const clinicId = randomUUID();
  const body = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));

  beforeAll(async () => {
    ({ store, close } = await open());
  });
  afterAll(() => close());

  it("stores, reads back whole and by range, sizes and removes", async () => {
    const key = mediaKey(clinicId, randomUUID(), "video");
    expect(await store.get(key)).toBeNull();
    expect(await store.size(key)).toBeNull();
    await store.put(key, body, "video/mp4");
    expect(await store.size(key)).toBe(5000);
    const whole = await store.get(key);
    expect(whole!.size).toBe(5000);
    expect((await bytesOf(whole!.body)).equals(body)).toBe(true);
    const part = await store.get(key, { start: 1000, end: 1999 });
    expect(part!.size).toBe(5000);
    expect((await bytesOf(part!.body)).equals(body.subarray(1000, 2000))).toBe(true);
    const tail = await store.get(key, { start: 4990, end: 4999 });
    expect((await bytesOf(tail!.body)).equals(body.subarray(4990))).toBe(true);

    await store.remove([key, mediaKey(clinicId, randomUUID(), "w480.jpg")]);
    expect(await store.get(key)).toBeNull();
    expect(await store.size(key)).toBeNull();
  });

  it("replaces an object whole and keeps keys apart", async () => {
    const media = randomUUID();
    const a = mediaKey(clinicId, media, "w480.jpg");
    const b = mediaKey(clinicId, media, "w960.jpg");
    await store.put(a, Buffer.from("first"), "image/jpeg");
    await store.put(b, Buffer.from("other"), "image/jpeg");
    await store.put(a, Buffer.from("second!"), "image/jpeg");
    expect((await bytesOf((await store.get(a))!.body)).toString()).toBe("second!");
    expect((await bytesOf((await store.get(b))!.body)).toString()).toBe("other");
    await store.remove([a, b]);
    expect(await store.size(b)).toBeNull();
  });
});

describe("media keys", () => {
  it("are made of ids and a file name only, so none can leave its folder", async () => {
    expect(() => mediaKey("../../etc", randomUUID(), "passwd")).toThrow();
    expect(() => mediaKey(randomUUID(), randomUUID(), "../x")).toThrow();
    const dir = mkdtempSync(path.join(tmpdir(), "homeplan-media-"));
    await expect(folderStore(dir).put("../outside", Buffer.from("x"), "text/plain")).rejects.toThrow(/outside/);
    expect(readdirSync(dir)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});

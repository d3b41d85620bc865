import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { folderStore } from "@/lib/media/fs-store";
import { s3Store } from "@/lib/media/s3-store";
import type { MediaStore } from "@/lib/media/store";
// @ts-expect-error s3rver ships no types.
import S3rver from "s3rver";

/**
 * An S3 protocol server on this machine for the media tests (s3rver keeps the bucket in
 * a temporary folder). Returns the S3_URL to reach it and a stop function.
 */
export async function startS3(bucket = "homeplan-media"): Promise<{ url: string; stop: () => Promise<void> }> {
  const directory = mkdtempSync(path.join(tmpdir(), "homeplan-s3-"));
  const server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = (await server.run()) as { port: number };
  return {
    // s3rver's fixed development credentials.
    url: `http://S3RVER:S3RVER@127.0.0.1:${port}/${bucket}`,
    stop: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** Both media stores, each opened fresh, for suites that must pass on either. */
export const MEDIA_BACKENDS: [string, () => Promise<{ store: MediaStore; close: () => Promise<void> }>][] = [
  [
    "folder",
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "homeplan-media-"));
      return { store: folderStore(dir), close: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  ],
  [
    "S3-compatible bucket",
    async () => {
      const s3 = await startS3();
      return { store: s3Store(s3.url, "us-east-1"), close: s3.stop };
    },
  ],
];

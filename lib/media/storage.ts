import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { folderStore } from "./fs-store";
import { s3Store } from "./s3-store";
import type { MediaStore } from "./store";

let chosen: MediaStore | undefined;

/**
 * The bucket when S3_URL is set, else MEDIA_DIR, by default a folder beside the embedded
 * database named after it (.data/pglite-media), so a copy of .data keeps both together.
 */
export function mediaStore(): MediaStore {
  if (chosen) return chosen;
  const settings = env();
  chosen = settings.S3_URL
    ? s3Store(settings.S3_URL, settings.S3_REGION)
    : folderStore(settings.MEDIA_DIR ?? `${path.resolve(settings.PGLITE_DIR)}-media`);
  return chosen;
}

/** For tests: run against a given store. */
export function setMediaStore(store: MediaStore | undefined): void {
  chosen = store;
}

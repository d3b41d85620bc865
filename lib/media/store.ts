import type { Readable } from "node:stream";

/** A byte range, both ends included (as HTTP writes them). */
export type ByteRange = { start: number; end: number };

export type StoredObject = { body: Readable; size: number };

/**
 * Where media bytes live: a folder (lib/media/fs-store.ts) or an S3-compatible bucket
 * (lib/media/s3-store.ts). Keys are made by lib/media only, from ids, never from a
 * user's file name. A `put` is whole or nothing: a reader never sees half a file.
 */
export interface MediaStore {
  readonly name: "folder" | "s3";
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The object's bytes (or one range of them), or null when there is no such key. */
  get(key: string, range?: ByteRange): Promise<StoredObject | null>;
  /** The object's size, or null when there is no such key. */
  size(key: string): Promise<number | null>;
  /** Removes the keys; a missing key is not an error. */
  remove(keys: string[]): Promise<void>;
}

const KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}\/[a-z0-9.]+$/;

/** `clinic/media/file`, checked so no key can climb out of its folder. */
export function mediaKey(clinicId: string, mediaId: string, file: string): string {
  const key = `${clinicId}/${mediaId}/${file}`;
  if (!KEY.test(key)) throw new Error(`not a media key: ${key}`);
  return key;
}

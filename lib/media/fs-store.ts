import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rename, rm, rmdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ByteRange, MediaStore, StoredObject } from "./store";

/**
 * Media in a folder on the server's disk (the default, beside the embedded database).
 * A file is written under a temporary name and renamed into place, so an interrupted
 * write leaves no half file under a real key.
 */
export function folderStore(root: string): MediaStore {
  const base = path.resolve(root);
  const fileOf = (key: string) => {
    const file = path.resolve(base, key);
    if (!file.startsWith(base + path.sep)) throw new Error(`media key outside the folder: ${key}`);
    return file;
  };
  return {
    name: "folder",
    async put(key: string, body: Buffer) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${randomUUID()}.part`;
      try {
        await writeFile(temporary, body, { mode: 0o600 });
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
    async get(key: string, range?: ByteRange): Promise<StoredObject | null> {
      const file = fileOf(key);
      const size = await sizeOf(file);
      if (size === null) return null;
      const body = range ? createReadStream(file, { start: range.start, end: range.end }) : createReadStream(file);
      return { body, size };
    },
    size: (key: string) => sizeOf(fileOf(key)),
    async remove(keys: string[]) {
      for (const key of keys) await rm(fileOf(key), { force: true });
      // The item's folder goes too once empty; a folder still in use stays.
      for (const dir of new Set(keys.map((k) => path.dirname(fileOf(k))))) await rmdir(dir).catch(() => undefined);
    },
  };
}

async function sizeOf(file: string): Promise<number | null> {
  try {
    const info = await stat(file);
    return info.isFile() ? info.size : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

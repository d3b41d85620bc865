import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { Readable } from "node:stream";
import type { ByteRange, MediaStore, StoredObject } from "./store";

/** S3_URL: https://ACCESS_KEY:SECRET@host[:port]/bucket, path-style so any S3-compatible server works. */
function parseS3Url(url: string): { endpoint: string; bucket: string; accessKeyId: string; secretAccessKey: string } {
  const u = new URL(url);
  return {
    endpoint: `${u.protocol}//${u.host}`,
    bucket: u.pathname.replace(/^\/|\/$/g, ""),
    accessKeyId: decodeURIComponent(u.username),
    secretAccessKey: decodeURIComponent(u.password),
  };
}

const missing = (error: unknown) =>
  error instanceof NoSuchKey ||
  error instanceof NotFound ||
  (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode === 404;

/** Media in an S3-compatible bucket. A PUT is atomic on S3: an object appears whole or not at all. */
export function s3Store(url: string, region: string): MediaStore {
  const { endpoint, bucket, accessKeyId, secretAccessKey } = parseS3Url(url);
  const client = new S3Client({
    endpoint,
    region,
    forcePathStyle: true,
    credentials: { accessKeyId, secretAccessKey },
    // Checksums only where S3 requires them: S3-compatible servers differ in the newer ones.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  return {
    name: "s3",
    async put(key: string, body: Buffer, contentType: string) {
      await client.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType, ContentLength: body.length }),
      );
    },
    async get(key: string, range?: ByteRange): Promise<StoredObject | null> {
      try {
        const out = await client.send(
          new GetObjectCommand({ Bucket: bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
        );
        // With a range, the whole size is after the slash of Content-Range.
        const size = range ? Number(/\/(\d+)$/.exec(out.ContentRange ?? "")?.[1]) : Number(out.ContentLength);
        if (!out.Body || !Number.isFinite(size)) throw new Error(`S3 answered ${key} without a body or size`);
        return { body: out.Body as Readable, size };
      } catch (error) {
        if (missing(error)) return null;
        throw error;
      }
    },
    async size(key: string) {
      try {
        const out = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return Number(out.ContentLength);
      } catch (error) {
        if (missing(error)) return null;
        throw error;
      }
    },
    async remove(keys: string[]) {
      for (let i = 0; i < keys.length; i += 1000) {
        const batch = keys.slice(i, i + 1000);
        if (batch.length > 0)
          await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }));
      }
    },
  };
}

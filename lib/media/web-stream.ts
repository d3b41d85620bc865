import type { Readable } from "node:stream";

/**
 * A Node stream as a web stream for a Response, read only as fast as the client takes it.
 * Node 20's Readable.toWeb throws an uncaught "Controller is already closed" when a
 * browser cancels a video download after its header (every <video preload=metadata>
 * does): here a cancel simply stops and closes the file or the S3 body.
 */
export function toWebStream(body: Readable): ReadableStream<Uint8Array> {
  const chunks = body[Symbol.asyncIterator]();
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (cancelled) return;
      if (done) controller.close();
      else controller.enqueue(new Uint8Array(value as Buffer));
    },
    async cancel() {
      cancelled = true;
      body.destroy();
    },
  });
}

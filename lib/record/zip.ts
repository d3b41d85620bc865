import { Zip, ZipDeflate } from "fflate";

export type ZipFile = { name: string; chunks: AsyncIterable<Uint8Array | string> };

const encoder = new TextEncoder();

/**
 * A ZIP written as it is read: each file's chunks are deflated as they arrive and the
 * compressed bytes go out at once, so neither a file nor the archive is ever held whole.
 * Pull-based, so a slow download slows the database reads behind it.
 */
export function zipStream(files: ZipFile[]): ReadableStream<Uint8Array> {
  const iterator = zipChunks(files);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return(undefined);
    },
  });
}

async function* zipChunks(files: ZipFile[]): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  // fflate's synchronous Zip calls back during push(), so output is collected and handed on after each push.
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else if (chunk.length > 0) ready.push(chunk);
  });
  function* drain() {
    if (failure) throw failure;
    while (ready.length > 0) yield ready.shift()!;
  }
  for (const file of files) {
    const entry = new ZipDeflate(file.name, { level: 6 });
    entry.mtime = new Date();
    zip.add(entry);
    for await (const chunk of file.chunks) {
      entry.push(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
      yield* drain();
    }
    entry.push(new Uint8Array(0), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}

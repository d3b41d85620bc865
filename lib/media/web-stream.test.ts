import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { toWebStream } from "./web-stream";

describe("toWebStream", () => {
  it("passes every byte through", async () => {
    const parts = ["a", "bc", "def"].map((s) => Buffer.from(s));
    const text = await new Response(toWebStream(Readable.from(parts))).text();
    expect(text).toBe("abcdef");
  });

  it("stops reading the source when the client cancels part way, without an error", async () => {
    let produced = 0;
    const source = Readable.from(
      (function* () {
        for (let i = 0; i < 1000; i++) {
          produced++;
          yield Buffer.alloc(64 * 1024, i % 256);
        }
      })(),
    );
    const reader = toWebStream(source).getReader();
    expect((await reader.read()).value?.length).toBe(64 * 1024);
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(source.destroyed).toBe(true);
    expect(produced).toBeLessThan(50);
  });
});

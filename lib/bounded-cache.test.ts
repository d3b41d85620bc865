import { describe, expect, it } from "vitest";
import { BoundedCache } from "./bounded-cache";

const pdf = (bytes: number) => Promise.resolve(Buffer.alloc(bytes));

describe("the bounded cache", () => {
  it("renders once for two requests that arrive together", async () => {
    const cache = new BoundedCache<Buffer>(4, 1000, (pdf) => pdf.length);
    let renders = 0;
    const render = () => ((renders += 1), pdf(10));
    const [a, b] = await Promise.all([cache.getOrCreate("k", render), cache.getOrCreate("k", render)]);
    expect(renders).toBe(1);
    expect(a).toBe(b);
  });

  it("forgets the least recently used handout first", async () => {
    const cache = new BoundedCache<Buffer>(2, 1000, (pdf) => pdf.length);
    await cache.getOrCreate("a", () => pdf(1));
    await cache.getOrCreate("b", () => pdf(1));
    await cache.getOrCreate("a", () => pdf(1));
    await cache.getOrCreate("c", () => pdf(1));
    let rendered = "";
    await cache.getOrCreate("a", () => ((rendered += "a"), pdf(1)));
    await cache.getOrCreate("b", () => ((rendered += "b"), pdf(1)));
    expect(rendered).toBe("b");
  });

  it("stays under its byte limit", async () => {
    const cache = new BoundedCache<Buffer>(10, 100, (pdf) => pdf.length);
    for (const key of ["a", "b", "c"]) await cache.getOrCreate(key, () => pdf(40));
    expect(cache.totalBytes).toBeLessThanOrEqual(100);
    expect(cache.size).toBe(2);
  });

  it("does not keep a failed render, so the next request tries again", async () => {
    const cache = new BoundedCache<Buffer>(4, 1000, (pdf) => pdf.length);
    await expect(cache.getOrCreate("k", () => Promise.reject(new Error("font missing")))).rejects.toThrow("font missing");
    await Promise.resolve();
    const buffer = await cache.getOrCreate("k", () => pdf(5));
    expect(buffer.length).toBe(5);
  });

  it("forgets one programme's handouts and keeps the others", async () => {
    const cache = new BoundedCache<Buffer>(10, 1000, (pdf) => pdf.length);
    for (const key of ["p1|1|a", "p1|2|b", "p2|1|a"]) await cache.getOrCreate(key, () => pdf(10));
    cache.deleteByPrefix("p1|");
    expect(cache.size).toBe(1);
    expect(cache.totalBytes).toBe(10);
    let rendered = 0;
    await cache.getOrCreate("p1|1|a", () => ((rendered += 1), pdf(10)));
    await cache.getOrCreate("p2|1|a", () => ((rendered += 1), pdf(10)));
    expect(rendered).toBe(1);
  });
});

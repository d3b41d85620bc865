import { BoundedCache } from "@/lib/bounded-cache";
import type { HandoutInput } from "./render";

/**
 * Where a rendered handout may also be kept beyond this process (lib/pdf/handout-store.ts):
 * `load` is asked before rendering, `save` is told after. Both only save time; a failure
 * in either is logged by the store and the handout is rendered or served all the same.
 */
export type HandoutStore = { load: () => Promise<Buffer | null>; save: (pdf: Buffer) => Promise<void> };

// 30–100 kB per handout. The byte cap is what bounds memory; the stored copies make a
// miss here a read rather than a render, so this only needs to hold the busiest few.
const cache = new BoundedCache<Buffer>(64, 8 * 1024 * 1024, (pdf) => pdf.length);

/**
 * A handout from memory, else from `store`, else drawn (loading the renderer on first
 * use) and saved to `store`. `key` is "<programme id>|<handoutDigest(input)>". Two
 * requests at once share one render, and every caller gets its own copy of the bytes.
 */
export async function cachedHandout(key: string, input: () => HandoutInput | Promise<HandoutInput>, store?: HandoutStore): Promise<Buffer> {
  const buffer = await cache.getOrCreate(key, async () => {
    const kept = store ? await store.load() : null;
    if (kept) return kept;
    const { renderHandout } = await import("./render");
    const pdf = await renderHandout(await input());
    if (store) await store.save(pdf);
    return pdf;
  });
  return Buffer.from(buffer);
}

/** Forgets a programme's cached handouts (its patient was erased). Keys start with the programme id. */
export function forgetHandoutsOf(programmeId: string): void {
  cache.deleteByPrefix(`${programmeId}|`);
}

/** Forgets every cached handout (tests, or after the illustrations change). */
export function clearHandoutCache(): void {
  cache.clear();
}

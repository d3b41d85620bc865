/**
 * A small least-recently-used cache of rendered PDFs, bounded by entry count and bytes.
 * It holds promises, so two downloads of the same handout at once share one render; a
 * failed render is forgotten so the next request tries again.
 */
export class PdfCache {
  private readonly entries = new Map<string, { promise: Promise<Buffer>; bytes: number }>();
  private bytes = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  getOrCreate(key: string, create: () => Promise<Buffer>): Promise<Buffer> {
    const hit = this.entries.get(key);
    if (hit) {
      // Re-insert so Map order doubles as recency order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.promise;
    }
    const entry = { promise: create(), bytes: 0 };
    this.entries.set(key, entry);
    entry.promise.then(
      (buffer) => {
        if (this.entries.get(key) !== entry) return;
        entry.bytes = buffer.length;
        this.bytes += buffer.length;
        this.evict();
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    this.evict();
    return entry.promise;
  }

  /** Drops every entry whose key starts with `prefix` (a programme's handouts, when its patient is erased). */
  deleteByPrefix(prefix: string): void {
    for (const [key, entry] of this.entries) {
      if (!key.startsWith(prefix)) continue;
      this.entries.delete(key);
      this.bytes -= entry.bytes;
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) return;
      this.entries.delete(key);
      this.bytes -= entry.bytes;
    }
  }
}

import type { ByteRange } from "./store";

/**
 * Reads an HTTP Range header against a file of `size` bytes (RFC 9110 §14.1.2): one range
 * (`bytes=a-b`, `bytes=a-`, `bytes=-n`) is honoured; none, several or a malformed one
 * means the whole file (allowed by the RFC); a range wholly past the end cannot be met.
 */
export function parseRange(header: string | null, size: number): ByteRange | null | "unsatisfiable" {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === "" && match[2] === "")) return null;
  const [first, last] = [match[1]!, match[2]!];
  if (first === "") {
    // A suffix: the last n bytes.
    const n = Number(last);
    if (n === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  if (!Number.isSafeInteger(start) || start >= size) return "unsatisfiable";
  if (end < start) return null;
  return { start, end };
}

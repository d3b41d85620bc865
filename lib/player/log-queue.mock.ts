import type { LogQueueDeps } from "./log-queue";

/* Test doubles for the log queue: a network we script, storage in memory, a clock we move. */

export type ScriptedReply = number | "network-error" | "hang" | { status: number; retryAfter?: string };

export type RecordedRequest = { url: string; method: string; headers: Record<string, string>; body: unknown };

/** A fetch that answers from a script, one reply per call (the last one repeats). */
export function scriptedFetch(...script: ScriptedReply[]) {
  const requests: RecordedRequest[] = [];
  const replies = [...script];
  const fetch: LogQueueDeps["fetch"] = (url, init) => {
    requests.push({
      url,
      method: init.method ?? "GET",
      headers: { ...(init.headers as Record<string, string>) },
      body: JSON.parse(String(init.body)),
    });
    const reply = (replies.length > 1 ? replies.shift() : replies[0]) ?? 500;
    if (reply === "network-error") return Promise.reject(new TypeError("Failed to fetch"));
    if (reply === "hang") {
      return new Promise((_, reject) => init.signal?.addEventListener("abort", () => reject(new DOMException("Aborted", "AbortError"))));
    }
    const { status, retryAfter } = typeof reply === "number" ? { status: reply, retryAfter: undefined } : reply;
    const headers = new Headers(retryAfter ? { "Retry-After": retryAfter } : {});
    return Promise.resolve({ status, headers });
  };
  return { fetch, requests, setReplies: (...next: ScriptedReply[]) => replies.splice(0, replies.length, ...next) };
}

export function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    data,
  };
}

/** Storage that refuses every write, as Safari's private mode once did. */
export function brokenStorage() {
  return {
    getItem: () => null,
    setItem: () => {
      throw new DOMException("Quota exceeded", "QuotaExceededError");
    },
  };
}

/** A clock and timers that move only when told to. */
export function manualClock(start = 1_800_000_000_000) {
  let time = start;
  let nextId = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const settle = async () => {
    for (let i = 0; i < 20; i++) await Promise.resolve();
  };
  return {
    now: () => time,
    setTimer: (run: () => void, ms: number) => {
      const id = nextId++;
      timers.set(id, { at: time + ms, run });
      return id;
    },
    clearTimer: (id: unknown) => void timers.delete(id as number),
    /** Moves time on, running each timer that falls due, in order, and letting promises settle. */
    async advance(ms: number) {
      const end = time + ms;
      for (;;) {
        await settle();
        const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        time = Math.max(time, due[1].at);
        due[1].run();
      }
      time = end;
      await settle();
    },
    pending: () => [...timers.values()].map((t) => t.at - time).sort((a, b) => a - b),
  };
}

/** A window stand-in that can fire "online". */
export function fakeWindow() {
  const target = new EventTarget();
  return { target, goOnline: () => target.dispatchEvent(new Event("online")) };
}

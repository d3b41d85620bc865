import type { SessionLogPayload } from "./log-payload";

/*
 * A session log must survive a bad connection: it is written to localStorage before
 * the first attempt and only removed once the server has it. The idempotency key
 * (made once per session) makes every retry safe: the server answers 409, or 200/201
 * with the same key, and either way the log is counted once.
 */

export const QUEUE_STORAGE_KEY = "homeplan:log-queue";
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 5 * 60_000;
const REQUEST_TIMEOUT_MS = 20_000;

/** Anything sent like a session log: a questionnaire's answers use the same queue under another storage key. */
export type Queueable = { idempotencyKey: string };

export type QueuedLog<P extends Queueable = SessionLogPayload> = {
  key: string;
  url: string;
  payload: P;
  queuedAt: number;
  attempts: number;
  nextAttemptAt: number;
  /** Set by a 429: the server's limit is per link, so no log to this URL is sent before then, even when forced. */
  heldUntil?: number;
  /** pending: will be sent; rejected: the server refused it (4xx), shown, never retried on its own. */
  status: "pending" | "rejected";
  message?: string;
};

export type SubmitOutcome = { status: "delivered" } | { status: "queued" } | { status: "rejected"; message: string };

type TimerHandle = unknown;

export type LogQueueDeps = {
  storage: Pick<Storage, "getItem" | "setItem"> | null;
  fetch: (url: string, init: RequestInit) => Promise<Pick<Response, "status" | "headers">>;
  now?: () => number;
  setTimer?: (run: () => void, ms: number) => TimerHandle;
  clearTimer?: (handle: TimerHandle) => void;
  /** Defaults to the session logs' key. */
  storageKey?: string;
};

export type LogQueue<P extends Queueable = SessionLogPayload> = {
  /** Keeps the log, then tries to send it now. Submitting the same key again replaces it. */
  submit(url: string, payload: P): Promise<SubmitOutcome>;
  /** Sends every pending log whose retry time has come (all of them with force). */
  flush(opts?: { force?: boolean }): Promise<void>;
  entries(): QueuedLog<P>[];
  discard(key: string): void;
  subscribe(listener: (entries: QueuedLog<P>[]) => void): () => void;
  /** Sends on page load and whenever the browser comes back online; returns a stop function. */
  connect(target: Pick<EventTarget, "addEventListener" | "removeEventListener">): () => void;
};

export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

/** Plain words for a refusal the patient cannot fix by waiting. */
function rejectionMessage(status: number): string {
  if (status === 404 || status === 410 || status === 401 || status === 403) {
    return "This link no longer works, so your session could not be sent. Please ask your clinic for a new link.";
  }
  if (status === 413) return "Your message is too long to send. Please make it shorter and try again.";
  return `Your session could not be sent (error ${status}). Please try again, or tell your clinic.`;
}

function retryAfterMs(headers: Pick<Headers, "get"> | undefined): number {
  const value = headers?.get("Retry-After");
  const seconds = value ? Number(value) : Number.NaN;
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds, 3600) * 1000 : 0;
}

export function createLogQueue<P extends Queueable = SessionLogPayload>(deps: LogQueueDeps): LogQueue<P> {
  type Entry = QueuedLog<P>;
  const storageKey = deps.storageKey ?? QUEUE_STORAGE_KEY;
  const now = deps.now ?? Date.now;
  const setTimer = deps.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const listeners = new Set<(entries: Entry[]) => void>();
  const inFlight = new Map<string, Promise<SubmitOutcome>>();
  // Used when storage is unavailable (private browsing, quota): the log still goes, it just can't outlive the tab.
  let memory: Entry[] = [];
  let storageBroken = !deps.storage;
  let retryTimer: TimerHandle | null = null;

  function read(): Entry[] {
    if (storageBroken) return memory;
    try {
      const raw = deps.storage!.getItem(storageKey);
      if (raw == null) return [];
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed) ? (parsed as Entry[]).filter((e) => e && typeof e.key === "string" && typeof e.url === "string") : [];
    } catch {
      return memory;
    }
  }

  function write(entries: Entry[]) {
    memory = entries;
    if (!storageBroken) {
      try {
        deps.storage!.setItem(storageKey, JSON.stringify(entries));
      } catch {
        storageBroken = true;
      }
    }
    for (const listener of listeners) listener(entries);
  }

  function update(key: string, change: (e: Entry) => Entry | null) {
    write(read().flatMap((e) => (e.key === key ? (change(e) ?? []) : [e])));
  }

  function schedule() {
    if (retryTimer !== null) clearTimer(retryTimer);
    retryTimer = null;
    const due = read()
      .filter((e) => e.status === "pending")
      .map((e) => e.nextAttemptAt);
    if (due.length === 0) return;
    const wait = Math.max(0, Math.min(...due) - now());
    retryTimer = setTimer(() => {
      retryTimer = null;
      void flush();
    }, wait);
  }

  async function post(entry: Entry): Promise<Pick<Response, "status" | "headers"> | null> {
    const controller = typeof AbortController === "function" ? new AbortController() : null;
    const timeout = setTimer(() => controller?.abort(), REQUEST_TIMEOUT_MS);
    try {
      return await deps.fetch(entry.url, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Idempotency-Key": entry.key },
        body: JSON.stringify(entry.payload),
        credentials: "same-origin",
        signal: controller?.signal,
      });
    } catch {
      return null;
    } finally {
      clearTimer(timeout);
    }
  }

  async function attempt(key: string): Promise<SubmitOutcome> {
    const entry = read().find((e) => e.key === key);
    if (!entry) return { status: "delivered" };
    const response = await post(entry);
    const status = response?.status ?? 0;
    let outcome: SubmitOutcome;
    if ((status >= 200 && status < 300) || status === 409) {
      update(key, () => null);
      outcome = { status: "delivered" };
    } else if (status === 429) {
      // A quota of the link, not of this log: keep them all and hold back every log to the link.
      const until = now() + Math.max(retryDelayMs(entry.attempts + 1), retryAfterMs(response?.headers));
      write(
        read().map((e) =>
          e.key === key
            ? { ...e, attempts: e.attempts + 1, nextAttemptAt: until, heldUntil: until }
            : e.url === entry.url && e.status === "pending"
              ? { ...e, nextAttemptAt: Math.max(e.nextAttemptAt, until), heldUntil: Math.max(e.heldUntil ?? 0, until) }
              : e,
        ),
      );
      outcome = { status: "queued" };
    } else if (status === 0 || status === 408 || status >= 500) {
      update(key, (e) => {
        const attempts = e.attempts + 1;
        return { ...e, attempts, nextAttemptAt: now() + Math.max(retryDelayMs(attempts), retryAfterMs(response?.headers)) };
      });
      outcome = { status: "queued" };
    } else {
      const message = rejectionMessage(status);
      update(key, (e) => ({ ...e, attempts: e.attempts + 1, status: "rejected", message }));
      outcome = { status: "rejected", message };
    }
    schedule();
    return outcome;
  }

  function send(key: string): Promise<SubmitOutcome> {
    const running = inFlight.get(key);
    if (running) return running;
    const promise = attempt(key).finally(() => inFlight.delete(key));
    inFlight.set(key, promise);
    return promise;
  }

  const isDue = (e: Entry, force: boolean) => e.status === "pending" && (e.heldUntil ?? 0) <= now() && (force || e.nextAttemptAt <= now());

  async function flush(opts: { force?: boolean } = {}) {
    const force = opts.force ?? false;
    for (const { key } of read().filter((e) => isDue(e, force))) {
      // Looked up again: an answer earlier in this loop (a 429) may have held it back.
      const entry = read().find((e) => e.key === key);
      if (entry && isDue(entry, force)) await send(key);
    }
  }

  return {
    async submit(url, payload) {
      const key = payload.idempotencyKey;
      const running = inFlight.get(key);
      if (running) return running;
      const others = read().filter((e) => e.key !== key);
      write([...others, { key, url, payload, queuedAt: now(), attempts: 0, nextAttemptAt: now(), status: "pending" }]);
      return send(key);
    },
    flush,
    entries: read,
    discard(key) {
      update(key, () => null);
      schedule();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    connect(target) {
      const onOnline = () => void flush({ force: true });
      target.addEventListener("online", onOnline);
      void flush({ force: true });
      return () => {
        target.removeEventListener("online", onOnline);
        if (retryTimer !== null) clearTimer(retryTimer);
        retryTimer = null;
      };
    },
  };
}

let shared: LogQueue | undefined;

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The browser's one queue of session logs, over localStorage and the real fetch. */
export function browserLogQueue(): LogQueue {
  shared ??= createLogQueue({ storage: browserStorage(), fetch: (url, init) => window.fetch(url, init) });
  return shared;
}

const ANSWER_QUEUE_STORAGE_KEY = "homeplan:answer-queue";
let answers: LogQueue<Queueable & { programmeId: string }> | undefined;

/** The browser's queue of questionnaire answers: kept apart so the session count on the page stays a count of sessions. */
export function browserAnswerQueue(): LogQueue<Queueable & { programmeId: string }> {
  answers ??= createLogQueue({
    storage: browserStorage(),
    fetch: (url, init) => window.fetch(url, init),
    storageKey: ANSWER_QUEUE_STORAGE_KEY,
  });
  return answers;
}

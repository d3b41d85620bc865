import { describe, expect, it } from "vitest";
import type { SessionLogPayload } from "./log-payload";
import { QUEUE_STORAGE_KEY, createLogQueue, retryDelayMs } from "./log-queue";
import { brokenStorage, fakeWindow, manualClock, memoryStorage, scriptedFetch, type ScriptedReply } from "./log-queue.mock";

const URL = "/p/token-abc/log";

function payload(key = "5f0c3f7e-9a53-4c51-9a4b-0d6f1f0e8a11"): SessionLogPayload {
  return {
    idempotencyKey: key,
    programmeId: "00000000-0000-4000-8000-00000000abcd",
    version: 2,
    startedAt: "2026-11-24T08:00:00.000Z",
    completedAt: "2026-11-24T08:14:00.000Z",
    exercises: [{ position: 0, exerciseId: "00000000-0000-4000-8000-000000000000", setsDone: 3, setsPlanned: 3, skipped: false }],
    pain: 3,
    difficulty: "about_right",
    comment: "Felt fine",
  };
}

function setup(...replies: ScriptedReply[]) {
  const net = scriptedFetch(...replies);
  const storage = memoryStorage();
  const clock = manualClock();
  const queue = createLogQueue({ storage, fetch: net.fetch, now: clock.now, setTimer: clock.setTimer, clearTimer: clock.clearTimer });
  const stored = () => JSON.parse(storage.getItem(QUEUE_STORAGE_KEY) ?? "[]") as { key: string; status: string }[];
  return { net, storage, clock, queue, stored };
}

describe("sending a session log", () => {
  it("posts the log as JSON with its idempotency key and keeps nothing once the server has it", async () => {
    const { net, queue, stored } = setup(201);
    expect(await queue.submit(URL, payload())).toEqual({ status: "delivered" });
    expect(net.requests).toHaveLength(1);
    expect(net.requests[0]).toMatchObject({
      url: URL,
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": payload().idempotencyKey },
      body: payload(),
    });
    expect(stored()).toEqual([]);
  });

  it("keeps the log on the phone while offline and sends it when the browser comes back online", async () => {
    const { net, queue, stored, clock } = setup("network-error");
    const win = fakeWindow();
    const stop = queue.connect(win.target);
    expect(await queue.submit(URL, payload())).toEqual({ status: "queued" });
    expect(stored()).toMatchObject([{ key: payload().idempotencyKey, status: "pending" }]);
    net.setReplies(201);
    win.goOnline();
    await clock.advance(0);
    expect(stored()).toEqual([]);
    expect(net.requests.map((r) => r.headers["Idempotency-Key"])).toEqual([payload().idempotencyKey, payload().idempotencyKey]);
    stop();
  });

  it("retries server errors on a timer that backs off, up to five minutes apart", async () => {
    const { net, queue, clock, stored } = setup(503);
    await queue.submit(URL, payload());
    expect(clock.pending()).toEqual([retryDelayMs(1)]);
    await clock.advance(retryDelayMs(1) - 1);
    expect(net.requests).toHaveLength(1);
    await clock.advance(1);
    expect(net.requests).toHaveLength(2);
    expect(clock.pending()).toEqual([retryDelayMs(2)]);
    expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));
    expect(retryDelayMs(30)).toBe(5 * 60_000);
    net.setReplies(500, 502, 200);
    await clock.advance(retryDelayMs(2) + retryDelayMs(3) + retryDelayMs(4));
    expect(net.requests).toHaveLength(5);
    expect(stored()).toEqual([]);
    expect(clock.pending()).toEqual([]);
  });

  it("waits as long as the server asks after a 429, and retries a 408", async () => {
    const { net, queue, clock } = setup({ status: 429, retryAfter: "120" }, 408, 201);
    await queue.submit(URL, payload());
    expect(clock.pending()).toEqual([120_000]);
    await clock.advance(120_000);
    expect(net.requests).toHaveLength(2);
    await clock.advance(retryDelayMs(2));
    expect(net.requests).toHaveLength(3);
    expect(queue.entries()).toEqual([]);
  });

  it("after a 429 keeps every log and holds back the rest for that link, instead of sending each into the limit", async () => {
    const storage = memoryStorage();
    const keys = ["a", "b", "c"].map((c) => `${c.repeat(8)}-0000-4000-8000-000000000000`);
    // Three sessions logged offline, left by an earlier page.
    storage.setItem(
      QUEUE_STORAGE_KEY,
      JSON.stringify(
        keys.map((key) => ({ key, url: URL, payload: payload(key), queuedAt: 0, attempts: 0, nextAttemptAt: 0, status: "pending" })),
      ),
    );
    const net = scriptedFetch({ status: 429, retryAfter: "600" }, 201);
    const clock = manualClock();
    const queue = createLogQueue({ storage, fetch: net.fetch, now: clock.now, setTimer: clock.setTimer, clearTimer: clock.clearTimer });
    const win = fakeWindow();
    const stop = queue.connect(win.target);
    await clock.advance(0);
    expect(net.requests).toHaveLength(1);
    expect(queue.entries().map((e) => e.status)).toEqual(["pending", "pending", "pending"]);
    // Coming back online does not hammer the limit either.
    win.goOnline();
    await clock.advance(0);
    expect(net.requests).toHaveLength(1);
    await clock.advance(600_000);
    expect(net.requests).toHaveLength(4);
    expect(queue.entries()).toEqual([]);
    stop();
  });

  it("gives up on a request that hangs and tries again later", async () => {
    const { net, queue, clock } = setup("hang");
    const outcome = queue.submit(URL, payload());
    await clock.advance(20_000);
    expect(await outcome).toEqual({ status: "queued" });
    net.setReplies(201);
    await clock.advance(retryDelayMs(1));
    expect(queue.entries()).toEqual([]);
  });
});

describe("never logged twice", () => {
  it("counts a 409 (already have it) as delivered", async () => {
    const { net, queue, stored } = setup(409);
    expect(await queue.submit(URL, payload())).toEqual({ status: "delivered" });
    expect(stored()).toEqual([]);
    expect(net.requests).toHaveLength(1);
  });

  it("keeps one entry and one request in flight when the same session is submitted twice at once", async () => {
    const { net, queue, clock } = setup("hang");
    const first = queue.submit(URL, payload());
    const second = queue.submit(URL, payload());
    const flushed = queue.flush({ force: true });
    await clock.advance(0);
    expect(queue.entries()).toHaveLength(1);
    expect(net.requests).toHaveLength(1);
    net.setReplies(200);
    await clock.advance(20_000 + retryDelayMs(1));
    expect(await first).toEqual(await second);
    await flushed;
    expect(net.requests).toHaveLength(2);
    expect(queue.entries()).toEqual([]);
  });

  it("replaces a queued log with a resubmission of the same session, keeping other sessions", async () => {
    const { queue } = setup(503);
    await queue.submit(URL, payload("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"));
    await queue.submit(URL, payload());
    await queue.submit(URL, { ...payload(), pain: 7 });
    const entries = queue.entries();
    expect(entries.map((e) => e.key).sort()).toEqual(["5f0c3f7e-9a53-4c51-9a4b-0d6f1f0e8a11", "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"]);
    expect(entries.find((e) => e.key === payload().idempotencyKey)?.payload.pain).toBe(7);
  });
});

describe("refusals", () => {
  it("shows a 4xx as a clear message and never retries it on its own", async () => {
    const { net, queue, clock, stored } = setup(404);
    const win = fakeWindow();
    queue.connect(win.target);
    const outcome = await queue.submit(URL, payload());
    expect(outcome).toMatchObject({ status: "rejected", message: expect.stringContaining("link no longer works") });
    expect(stored()).toMatchObject([{ status: "rejected" }]);
    win.goOnline();
    await queue.flush({ force: true });
    await clock.advance(24 * 3600_000);
    expect(net.requests).toHaveLength(1);
    queue.discard(payload().idempotencyKey);
    expect(stored()).toEqual([]);
  });

  it("tries a refused log again only when the patient sends it again", async () => {
    const { net, queue } = setup(400, 201);
    expect((await queue.submit(URL, payload())).status).toBe("rejected");
    expect(await queue.submit(URL, payload())).toEqual({ status: "delivered" });
    expect(net.requests).toHaveLength(2);
  });
});

describe("after a reload", () => {
  it("sends what an earlier page left behind as soon as the page loads", async () => {
    const first = setup("network-error");
    await first.queue.submit(URL, payload());
    const net = scriptedFetch(201);
    const clock = manualClock();
    const reloaded = createLogQueue({
      storage: first.storage,
      fetch: net.fetch,
      now: clock.now,
      setTimer: clock.setTimer,
      clearTimer: clock.clearTimer,
    });
    expect(reloaded.entries()).toHaveLength(1);
    const stop = reloaded.connect(fakeWindow().target);
    await clock.advance(0);
    expect(net.requests).toHaveLength(1);
    expect(reloaded.entries()).toEqual([]);
    stop();
  });

  it("ignores damaged storage instead of failing", async () => {
    const net = scriptedFetch(201);
    const queue = createLogQueue({ storage: memoryStorage({ [QUEUE_STORAGE_KEY]: "{oops" }), fetch: net.fetch });
    expect(queue.entries()).toEqual([]);
    expect(await queue.submit(URL, payload())).toEqual({ status: "delivered" });
  });

  it("still sends when storage refuses to save", async () => {
    const net = scriptedFetch("network-error", 201);
    const clock = manualClock();
    const queue = createLogQueue({
      storage: brokenStorage(),
      fetch: net.fetch,
      now: clock.now,
      setTimer: clock.setTimer,
      clearTimer: clock.clearTimer,
    });
    expect(await queue.submit(URL, payload())).toEqual({ status: "queued" });
    expect(queue.entries()).toHaveLength(1);
    await clock.advance(retryDelayMs(1));
    expect(net.requests).toHaveLength(2);
    expect(queue.entries()).toEqual([]);
  });
});

describe("listeners", () => {
  it("tells the page when the queue changes", async () => {
    const { queue } = setup("network-error");
    const seen: number[] = [];
    const stop = queue.subscribe((entries) => seen.push(entries.length));
    await queue.submit(URL, payload());
    stop();
    queue.discard(payload().idempotencyKey);
    expect(seen.at(-1)).toBe(1);
    expect(seen.length).toBeGreaterThan(0);
  });
});

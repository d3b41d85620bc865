import { describe, expect, it } from "vitest";
import { attention, isQuiet, painRising } from "./flags";

const day = (n: number) => new Date(Date.UTC(2026, 10, n, 9));

describe("needs-attention flags", () => {
  it("flags pain that rose by 2 or more over the last three sessions", () => {
    expect(
      painRising([
        { completedAt: day(1), pain: 2 },
        { completedAt: day(2), pain: 3 },
        { completedAt: day(3), pain: 4 },
      ]),
    ).toBe(true);
    expect(
      painRising([
        { completedAt: day(3), pain: 4 },
        { completedAt: day(1), pain: 2 },
      ]),
    ).toBe(true);
    expect(
      painRising([
        { completedAt: day(1), pain: 2 },
        { completedAt: day(2), pain: 3 },
        { completedAt: day(3), pain: 3 },
      ]),
    ).toBe(false);
    // Only the last three count: an old low score does not raise a flag today.
    expect(
      painRising([
        { completedAt: day(1), pain: 0 },
        { completedAt: day(2), pain: 5 },
        { completedAt: day(3), pain: 5 },
        { completedAt: day(4), pain: 6 },
      ]),
    ).toBe(false);
    expect(
      painRising([
        { completedAt: day(1), pain: 6 },
        { completedAt: day(2), pain: 4 },
        { completedAt: day(3), pain: 2 },
      ]),
    ).toBe(false);
    expect(
      painRising([
        { completedAt: day(1), pain: 2 },
        { completedAt: day(2), pain: null },
        { completedAt: day(3), pain: 4 },
      ]),
    ).toBe(true);
    expect(painRising([{ completedAt: day(1), pain: 7 }])).toBe(false);
  });

  it("flags seven days of silence, counted from the last session or the programme start", () => {
    expect(isQuiet({ lastSessionAt: day(1), activeSince: null, now: day(8) })).toBe(true);
    expect(isQuiet({ lastSessionAt: day(2), activeSince: null, now: day(8) })).toBe(false);
    expect(isQuiet({ lastSessionAt: null, activeSince: day(1), now: day(9) })).toBe(true);
    expect(isQuiet({ lastSessionAt: null, activeSince: null, now: day(30) })).toBe(false);
    expect(attention({ sessions: [], lastSessionAt: null, activeSince: day(1), now: day(9) }).reasons).toEqual(["No sessions yet"]);
  });
});

import { describe, expect, it } from "vitest";
import { GET_READY_SECONDS, begin, completeRep, pause, startSession, tick, type PlanExercise } from "./machine";
import { describeStep, dialFor, placeWords, spokenStatus, stepText } from "./status-words";

const T0 = 1_800_000_000_000;
const item = {
  name: "Bridge",
  bodyPosition: "supine" as const,
  steps: ["Lie down on your back and bend both knees."],
  cues: ["Go up slowly.", "Breathe out as you lift."],
};

function session(over: Partial<PlanExercise>) {
  const ex: PlanExercise = { position: 0, exerciseId: "ex-0", sets: 3, reps: 10, holdSeconds: 0, restSeconds: 60, sides: "none", ...over };
  return { ex, state: startSession([ex], { now: T0, sessionId: "s" }) };
}

describe("what the player says", () => {
  it("introduces each exercise with its name, position and what to press", () => {
    const { ex, state } = session({ holdSeconds: 3, reps: 15 });
    expect(spokenStatus(state, item, 5)).toBe("Exercise 1 of 5: Bridge. Lie on your back. Press Start when you are ready.");
    expect(describeStep(state, ex, true)).toBe("3 sets of 15 · hold for 3 seconds");
    expect(stepText(state, ex, item)).toBe(item.steps[0]);
  });

  it("counts sets and reps in words people say, and announces holds and rests", () => {
    const { ex, state } = session({ holdSeconds: 5, reps: 2 });
    let s = tick(begin(state, T0), T0 + GET_READY_SECONDS * 1000);
    expect(describeStep(s, ex, true)).toBe("Set 1 of 3 · Rep 1 of 2");
    expect(spokenStatus(s, item, 1)).toBe("Rep 1 of 2. Hold for 5 seconds.");
    expect(dialFor(s)?.label).toBe("Hold");
    expect(dialFor(s)?.spoken(4)).toBe("Hold: 4 seconds left");
    expect(stepText(s, ex, item)).toBe("Go up slowly.");
    s = tick(s, T0 + (GET_READY_SECONDS + 5) * 1000);
    expect(dialFor(s)?.label).toBe("Relax");
    s = tick(s, T0 + (GET_READY_SECONDS + 5 + 5 + 5) * 1000);
    expect(s.phase).toBe("rest");
    expect(describeStep(s, ex, true)).toBe("Set 1 of 3 done");
    expect(spokenStatus(s, item, 1)).toBe("Set 1 done. Rest for 1 minute.");
    expect(dialFor(pause(s, T0 + 16_000))?.label).toBe("Paused");
  });

  it("names the side for each-side and alternating exercises, and nothing otherwise", () => {
    const each = session({ sides: "each", sets: 1, reps: 1 });
    expect(placeWords(each.state)).toBe("Left side first");
    const right = completeRep(begin(each.state, T0), T0);
    expect(placeWords(right)).toBe("Now your right side");
    expect(stepText(right, each.ex, item)).toMatch(/Turn round/);
    const alt = session({ sides: "alternating" });
    expect(placeWords(completeRep(begin(alt.state, T0), T0))).toBe("Right side");
    expect(placeWords(session({}).state)).toBeNull();
  });

  it("tells a returning patient where they were", () => {
    const { ex, state } = session({ sides: "each" });
    expect(describeStep(state, ex)).toBe("left side, ready to start");
    expect(describeStep(completeRep(begin(session({}).state, T0), T0), session({}).ex)).toBe("set 1 of 3");
  });
});

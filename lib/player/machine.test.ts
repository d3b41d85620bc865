import { describe, expect, it } from "vitest";
import {
  GET_READY_SECONDS,
  RELAX_SECONDS,
  begin,
  completeRep,
  completeSet,
  currentSide,
  finish,
  isComplete,
  nextExercise,
  pause,
  planFromProgramme,
  previousExercise,
  restoreSession,
  resume,
  secondsLeft,
  serialiseSession,
  sessionProgress,
  skipExercise,
  skipRest,
  startSession,
  summarise,
  tick,
  type PlanExercise,
  type SessionState,
} from "./machine";
import { sampleProgramme } from "@/lib/programme/sample";

const T0 = 1_800_000_000_000;
const s = (n: number) => n * 1000;

function exercise(over: Partial<PlanExercise> = {}): PlanExercise {
  return { position: 0, exerciseId: "ex-0", sets: 1, reps: 3, holdSeconds: 0, restSeconds: 0, sides: "none", ...over };
}

function plan(...items: Partial<PlanExercise>[]): PlanExercise[] {
  return items.map((over, i) => exercise({ position: i, exerciseId: `ex-${i}`, ...over }));
}

function where(state: SessionState) {
  return { exercise: state.exercise, side: state.side, set: state.set, rep: state.rep, phase: state.phase };
}

const start = (p: PlanExercise[], now = T0) => startSession(p, { now, sessionId: "session-1" });

describe("a whole session", () => {
  it("walks every exercise, set and rep of the sample programme and reports it all done", () => {
    const p = planFromProgramme(sampleProgramme(5));
    let state = start(p);
    let now = T0;
    let steps = 0;
    while (state.phase !== "finished" && steps++ < 10_000) {
      if (state.phase === "ready") state = begin(state, now);
      else if (state.phase === "reps") state = completeRep(state, now);
      else {
        now += 500;
        state = tick(state, now);
      }
    }
    expect(state.phase).toBe("finished");
    expect(isComplete(state)).toBe(true);
    expect(summarise(state)).toEqual(
      p.map((e) => ({ position: e.position, exerciseId: e.exerciseId, setsDone: e.sets, setsPlanned: e.sets, skipped: false })),
    );
    expect(sessionProgress(state)).toBe(1);
    // The clock only moved while timers ran: the bridge alone is 3 sets of 15 holds of 3 s.
    expect(now - T0).toBeGreaterThan(s(3 * 15 * 3));
  });

  it("counts taps for reps without a hold and needs the patient to start each exercise", () => {
    let state = start(plan({ reps: 2, sets: 2 }, { reps: 1 }));
    expect(where(state)).toEqual({ exercise: 0, side: 0, set: 0, rep: 0, phase: "ready" });
    expect(tick(state, T0 + s(3600))).toBe(state);
    state = begin(state, T0);
    expect(state.phase).toBe("reps");
    state = completeRep(state, T0);
    expect(where(state)).toMatchObject({ set: 0, rep: 1, phase: "reps" });
    state = completeRep(state, T0);
    expect(where(state)).toMatchObject({ set: 1, rep: 0, phase: "reps" });
    state = completeRep(completeRep(state, T0), T0);
    expect(where(state)).toEqual({ exercise: 1, side: 0, set: 0, rep: 0, phase: "ready" });
    state = completeRep(begin(state, T0), T0 + s(40));
    expect(state.phase).toBe("finished");
    expect(state.finishedAt).toBe(T0 + s(40));
  });

  it("lets a whole set be marked done at once", () => {
    let state = begin(start(plan({ reps: 15, sets: 2, restSeconds: 30 })), T0);
    state = completeSet(state, T0 + s(10));
    expect(where(state)).toMatchObject({ set: 1, phase: "rest" });
    expect(summarise(state)[0]).toMatchObject({ setsDone: 1, setsPlanned: 2 });
  });
});

describe("holds", () => {
  it("gives time to get ready, counts each hold down, relaxes between holds, and counts a rep when the hold ends", () => {
    let state = begin(start(plan({ reps: 2, holdSeconds: 10 })), T0);
    expect(state.phase).toBe("prepare");
    expect(secondsLeft(state, T0)).toBe(GET_READY_SECONDS);
    let now = T0 + s(GET_READY_SECONDS);
    state = tick(state, now);
    expect(where(state)).toMatchObject({ phase: "hold", rep: 0 });
    expect(secondsLeft(state, now + 300)).toBe(10);
    expect(secondsLeft(state, now + s(9.2))).toBe(1);
    now += s(10);
    state = tick(state, now - 1);
    expect(state.phase).toBe("hold");
    state = tick(state, now);
    expect(where(state)).toMatchObject({ phase: "prepare", rep: 1 });
    expect(secondsLeft(state, now)).toBe(RELAX_SECONDS);
    now += s(RELAX_SECONDS + 10);
    state = tick(state, now);
    expect(state.phase).toBe("finished");
  });

  it("catches up exactly when the phone slept through several holds", () => {
    let state = begin(start(plan({ reps: 5, holdSeconds: 3 })), T0);
    // get ready 5 s, then hold 3 s + relax 5 s per rep: after 5 + 8 + 8 + 1 s, rep 3 is 1 s into its hold.
    state = tick(state, T0 + s(5 + 8 + 8 + 1));
    expect(where(state)).toMatchObject({ phase: "hold", rep: 2 });
    expect(secondsLeft(state, T0 + s(22))).toBe(2);
  });

  it("ignores the clock while a hold is paused and carries on from the same second", () => {
    let state = begin(start(plan({ reps: 1, holdSeconds: 10 })), T0);
    state = tick(state, T0 + s(GET_READY_SECONDS));
    const holdStart = T0 + s(GET_READY_SECONDS);
    state = pause(state, holdStart + s(4));
    expect(state.paused).toBe(true);
    expect(tick(state, holdStart + s(600))).toBe(state);
    expect(secondsLeft(state, holdStart + s(600))).toBe(6);
    state = resume(state, holdStart + s(600));
    expect(secondsLeft(state, holdStart + s(601))).toBe(5);
    expect(tick(state, holdStart + s(605)).phase).toBe("hold");
    expect(tick(state, holdStart + s(606)).phase).toBe("finished");
  });
});

describe("rests between sets", () => {
  it("runs the rest timer after each set but the last, then starts the next set", () => {
    let state = begin(start(plan({ sets: 2, reps: 1, restSeconds: 60 }, { reps: 1 })), T0);
    state = completeRep(state, T0);
    expect(where(state)).toMatchObject({ phase: "rest", set: 1 });
    expect(secondsLeft(state, T0 + s(1))).toBe(59);
    state = tick(state, T0 + s(60));
    expect(where(state)).toMatchObject({ phase: "reps", set: 1, rep: 0 });
    state = completeRep(state, T0 + s(61));
    expect(where(state)).toMatchObject({ exercise: 1, phase: "ready" });
  });

  it("lets the patient end a rest early", () => {
    let state = completeRep(begin(start(plan({ sets: 3, reps: 1, holdSeconds: 0, restSeconds: 60 })), T0), T0);
    state = skipRest(state, T0 + s(5));
    expect(where(state)).toMatchObject({ phase: "reps", set: 1 });
  });

  it("goes straight to the next set when there is no rest", () => {
    const state = completeRep(begin(start(plan({ sets: 2, reps: 1 })), T0), T0);
    expect(where(state)).toMatchObject({ phase: "reps", set: 1 });
  });
});

describe("sides", () => {
  it("does every set on the left, then waits for the patient to turn over, then every set on the right", () => {
    let state = begin(start(plan({ sets: 2, reps: 1, sides: "each" })), T0);
    expect(currentSide(state)).toBe("left");
    state = completeRep(state, T0);
    expect(where(state)).toMatchObject({ side: 0, set: 1, phase: "reps" });
    state = completeRep(state, T0);
    expect(where(state)).toMatchObject({ side: 1, set: 0, phase: "ready" });
    expect(currentSide(state)).toBe("right");
    expect(summarise(state)[0]).toMatchObject({ setsDone: 1, setsPlanned: 2, skipped: false });
    state = completeRep(completeRep(begin(state, T0), T0), T0);
    expect(state.phase).toBe("finished");
    expect(summarise(state)[0]).toMatchObject({ setsDone: 2, setsPlanned: 2 });
  });

  it("swaps sides on every rep for alternating exercises", () => {
    let state = begin(start(plan({ reps: 4, sides: "alternating" })), T0);
    const sides = [];
    for (let i = 0; i < 4; i++) {
      sides.push(currentSide(state));
      state = completeRep(state, T0);
    }
    expect(sides).toEqual(["left", "right", "left", "right"]);
    expect(state.phase).toBe("finished");
  });

  it("has no side when sides do not apply", () => {
    expect(currentSide(begin(start(plan({})), T0))).toBeNull();
  });
});

describe("moving between exercises", () => {
  it("records a skip, and shows an unreached exercise as skipped", () => {
    let state = start(plan({}, {}, {}));
    state = skipExercise(state, T0);
    expect(where(state)).toMatchObject({ exercise: 1, phase: "ready" });
    state = finish(state, T0 + s(5));
    expect(summarise(state).map((e) => e.skipped)).toEqual([true, true, true]);
    expect(isComplete(state)).toBe(false);
  });

  it("keeps the sets done when the patient moves on part-way, and marks a part-done skip as skipped", () => {
    let state = begin(start(plan({ sets: 3, reps: 1 }, { sets: 3, reps: 1 }, {})), T0);
    state = nextExercise(completeRep(state, T0), T0);
    expect(summarise(state)[0]).toMatchObject({ setsDone: 1, setsPlanned: 3, skipped: false });
    state = skipExercise(completeRep(begin(state, T0), T0), T0);
    expect(summarise(state)[1]).toMatchObject({ setsDone: 1, skipped: true });
  });

  it("goes back to the start of the previous exercise without losing what was done there", () => {
    let state = begin(start(plan({ sets: 2, reps: 1 }, { reps: 2 })), T0);
    state = completeRep(completeRep(state, T0), T0);
    state = completeRep(begin(state, T0), T0);
    state = previousExercise(state, T0);
    expect(where(state)).toEqual({ exercise: 0, side: 0, set: 0, rep: 0, phase: "ready" });
    expect(summarise(state)[0]).toMatchObject({ setsDone: 2, skipped: false });
    expect(previousExercise(state, T0)).toBe(state);
  });

  it("un-skips an exercise the patient comes back to and does", () => {
    let state = skipExercise(start(plan({ reps: 1 }, {})), T0);
    state = completeRep(begin(previousExercise(state, T0), T0), T0);
    expect(summarise(state)[0]).toMatchObject({ setsDone: 1, skipped: false });
  });

  it("finishes the session when the patient moves on from the last exercise", () => {
    const state = nextExercise(start(plan({})), T0 + 7);
    expect(state.phase).toBe("finished");
    expect(state.finishedAt).toBe(T0 + 7);
  });

  it("stops any running timer when moving to another exercise", () => {
    let state = begin(start(plan({ holdSeconds: 30 }, {})), T0);
    state = nextExercise(pause(state, T0 + s(2)), T0 + s(3));
    expect(state).toMatchObject({ exercise: 1, phase: "ready", timer: null, paused: false });
  });
});

describe("finishing early", () => {
  it("ends at once, keeps the sets done so far and leaves nothing running", () => {
    let state = begin(start(plan({ sets: 3, reps: 1, restSeconds: 60 }, {})), T0);
    state = completeRep(state, T0 + s(20));
    state = finish(state, T0 + s(30));
    expect(state).toMatchObject({ phase: "finished", timer: null, finishedAt: T0 + s(30) });
    expect(summarise(state)).toEqual([
      { position: 0, exerciseId: "ex-0", setsDone: 1, setsPlanned: 3, skipped: false },
      { position: 1, exerciseId: "ex-1", setsDone: 0, setsPlanned: 1, skipped: true },
    ]);
    expect(tick(state, T0 + s(900))).toBe(state);
  });
});

describe("progress", () => {
  it("rises through the session by sets", () => {
    let state = begin(start(plan({ sets: 2, reps: 1 }, { sets: 2, reps: 1 })), T0);
    expect(sessionProgress(state)).toBe(0);
    state = completeRep(state, T0);
    expect(sessionProgress(state)).toBe(0.25);
    state = nextExercise(state, T0);
    expect(sessionProgress(state)).toBe(0.5);
  });
});

describe("saving and restoring", () => {
  it("comes back at the same exercise, side and set, paused, with the hold turned into a fresh get-ready", () => {
    const p = plan({}, { sets: 2, reps: 3, holdSeconds: 10, sides: "each" });
    let state = begin(nextExercise(start(p), T0), T0);
    state = tick(state, T0 + s(GET_READY_SECONDS + 4));
    expect(state.phase).toBe("hold");
    const saved = serialiseSession(state, T0 + s(GET_READY_SECONDS + 4));
    const back = restoreSession(saved, p, T0 + s(3600))!;
    expect(where(back)).toEqual({ exercise: 1, side: 0, set: 0, rep: 0, phase: "prepare" });
    expect(back.paused).toBe(true);
    expect(back.sessionId).toBe("session-1");
    expect(tick(back, T0 + s(7200))).toBe(back);
    const resumed = resume(back, T0 + s(7200));
    expect(secondsLeft(resumed, T0 + s(7200))).toBe(GET_READY_SECONDS);
    expect(tick(resumed, T0 + s(7200 + GET_READY_SECONDS)).phase).toBe("hold");
  });

  it("restarts a rest from its full length", () => {
    const p = plan({ sets: 2, reps: 1, restSeconds: 45 });
    const state = completeRep(begin(start(p), T0), T0);
    const back = restoreSession(serialiseSession(state, T0 + s(30)), p, T0 + s(60))!;
    expect(where(back)).toMatchObject({ phase: "rest", set: 1 });
    expect(secondsLeft(back, T0 + s(60))).toBe(45);
  });

  it("brings a finished but unsent session back so the log is not lost", () => {
    const p = plan({});
    const state = finish(start(p), T0);
    expect(restoreSession(serialiseSession(state, T0), p, T0 + s(60))).toMatchObject({ phase: "finished", sessionId: "session-1" });
  });

  it("refuses a saved session for a changed plan, an old one, and damaged data", () => {
    const p = plan({ reps: 3 });
    const saved = serialiseSession(begin(start(p), T0), T0);
    expect(restoreSession(saved, plan({ reps: 4 }), T0 + 1)).toBeNull();
    expect(restoreSession(saved, p, T0 + 13 * 3600 * 1000)).toBeNull();
    expect(restoreSession(null, p, T0)).toBeNull();
    expect(restoreSession("{not json", p, T0)).toBeNull();
    expect(restoreSession(JSON.stringify({ ...JSON.parse(saved), exercise: 5 }), p, T0 + 1)).toBeNull();
    expect(restoreSession(JSON.stringify({ ...JSON.parse(saved), phase: "dance" }), p, T0 + 1)).toBeNull();
    expect(restoreSession(JSON.stringify({ ...JSON.parse(saved), rep: 3 }), p, T0 + 1)).toBeNull();
    expect(restoreSession(saved, p, T0 + 1)).not.toBeNull();
  });
});

describe("reading the programme", () => {
  it("keeps the dose and guards against impossible numbers", () => {
    const view = sampleProgramme(2);
    view.items[1]!.dosage = { ...view.items[1]!.dosage, sets: 0, reps: Number.NaN, holdSeconds: -4 };
    const p = planFromProgramme(view);
    expect(p[0]).toMatchObject({ sets: view.items[0]!.dosage.sets, reps: view.items[0]!.dosage.reps });
    expect(p[1]).toMatchObject({ sets: 1, reps: 1, holdSeconds: 0 });
  });

  it("finishes at once with an empty programme", () => {
    expect(start([]).phase).toBe("finished");
  });
});

describe("the one big button", () => {
  it("starts, counts a rep, pauses a timer and resumes it", async () => {
    const { primaryAction, primaryKind } = await import("./machine");
    let state = start(plan({ reps: 2 }, { holdSeconds: 5 }));
    expect(primaryKind(state)).toBe("start");
    state = primaryAction(state, T0);
    expect(primaryKind(state)).toBe("done");
    state = primaryAction(primaryAction(state, T0), T0);
    expect(where(state)).toMatchObject({ exercise: 1, phase: "ready" });
    state = primaryAction(state, T0);
    expect(primaryKind(state)).toBe("pause");
    state = primaryAction(state, T0 + s(1));
    expect(state.paused).toBe(true);
    expect(primaryKind(state)).toBe("resume");
    state = primaryAction(state, T0 + s(100));
    expect(state.paused).toBe(false);
    expect(secondsLeft(state, T0 + s(100))).toBe(GET_READY_SECONDS - 1);
    expect(primaryKind(finish(state, T0 + s(101)))).toBe("none");
  });
});

import { describe, expect, it } from "vitest";
import { sessionLogPayloadSchema, type SessionLogPayload } from "./log-payload";

const valid: SessionLogPayload = {
  idempotencyKey: "5f0c3f7e-9a53-4c51-9a4b-0d6f1f0e8a11",
  programmeId: "00000000-0000-4000-8000-00000000abcd",
  version: 2,
  startedAt: "2026-11-24T08:00:00.000Z",
  completedAt: "2026-11-24T08:14:00.000Z",
  exercises: [{ position: 0, exerciseId: "00000000-0000-4000-8000-000000000000", setsDone: 2, setsPlanned: 3, skipped: false }],
  pain: 0,
  difficulty: null,
  comment: "",
};

describe("session log payload", () => {
  it("accepts what the player sends", () => {
    expect(sessionLogPayloadSchema.parse(valid)).toEqual(valid);
    expect(sessionLogPayloadSchema.safeParse({ ...valid, pain: 10, difficulty: "too_hard", startedAt: null }).success).toBe(true);
  });

  it.each([
    ["pain below 0", { pain: -1 }],
    ["pain above 10", { pain: 11 }],
    ["pain not a number", { pain: Number.NaN }],
    ["pain huge", { pain: 1e308 }],
    ["pain as a fraction", { pain: 2.5 }],
    ["an unknown difficulty", { difficulty: "fine" }],
    ["a comment over 1000 characters", { comment: "x".repeat(1001) }],
    ["a short key", { idempotencyKey: "abc" }],
    ["an extra field", { clinicId: "00000000-0000-4000-8000-000000000001" }],
    ["a bad date", { completedAt: "yesterday" }],
  ])("refuses %s", (_name, change) => {
    expect(sessionLogPayloadSchema.safeParse({ ...valid, ...change }).success).toBe(false);
  });
});

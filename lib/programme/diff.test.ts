import { describe, expect, it } from "vitest";
import { describeChanges, diffVersions, isEmptyChange, type DiffItem, type DiffVersion } from "./diff";

const item = (exerciseId: string, name: string, over: Partial<DiffItem> = {}): DiffItem => ({
  exerciseId,
  name,
  sets: 3,
  reps: 10,
  holdSeconds: 0,
  restSeconds: 30,
  sides: "none",
  timesPerDay: 1,
  daysPerWeek: 7,
  load: "",
  note: "",
  ...over,
});
const version = (items: DiffItem[], over: Partial<DiffVersion> = {}): DiffVersion => ({
  title: "Back",
  patientNote: "",
  startDate: null,
  reviewDate: null,
  items,
  ...over,
});

describe("what changed between versions", () => {
  it("names exercises added and removed and each dose change", () => {
    const before = version([item("a", "Bridge"), item("b", "Pelvic tilt"), item("c", "Superman")]);
    const after = version([item("a", "Bridge", { reps: 15, holdSeconds: 5 }), item("c", "Superman"), item("d", "Bird-dog")]);
    const diff = diffVersions(before, after);
    expect(diff.added).toEqual(["Bird-dog"]);
    expect(diff.removed).toEqual(["Pelvic tilt"]);
    expect(diff.changed).toEqual([{ name: "Bridge", changes: ["reps 10 → 15", "hold 0 s → 5 s"] }]);
    expect(diff.moved).toBe(false);
    expect(describeChanges(diff)).toEqual(["Added: Bird-dog", "Removed: Pelvic tilt", "Bridge: reps 10 → 15, hold 0 s → 5 s"]);
  });

  it("notices a reorder and changed details, and nothing when nothing changed", () => {
    const before = version([item("a", "Bridge"), item("b", "Pelvic tilt")]);
    expect(isEmptyChange(diffVersions(before, before))).toBe(true);
    const after = version([item("b", "Pelvic tilt"), item("a", "Bridge")], { title: "Back, week 2", reviewDate: "2026-12-01" });
    const diff = diffVersions(before, after);
    expect(diff.moved).toBe(true);
    expect(diff.detailsChanged).toEqual(["title", "review date"]);
  });

  it("pairs an exercise that appears twice in turn", () => {
    const before = version([item("a", "Bridge"), item("a", "Bridge", { sets: 1 })]);
    const after = version([item("a", "Bridge")]);
    const diff = diffVersions(before, after);
    expect(diff.removed).toEqual(["Bridge"]);
    expect(diff.changed).toEqual([]);
  });
});

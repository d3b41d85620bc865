import { describe, expect, it } from "vitest";
import type { Dosage } from "@/lib/programme/view";
import { dosageCompact, dosageSentence, dosageWords } from "./format";

const base: Dosage = {
  sets: 3,
  reps: 15,
  holdSeconds: 5,
  restSeconds: 60,
  sides: "none",
  timesPerDay: 2,
  daysPerWeek: 7,
  load: "",
  note: "",
};

describe("dosage wording", () => {
  it("speaks to the patient in everyday words", () => {
    expect(dosageSentence(base)).toBe("3 sets of 15 · hold for 5 seconds · rest 1 minute between sets · twice a day · every day");
  });

  it("says each side and singular forms correctly", () => {
    expect(dosageWords({ ...base, sets: 1, reps: 3, sides: "each", holdSeconds: 1, timesPerDay: 1, daysPerWeek: 5 })).toEqual([
      "1 set of 3 on each side",
      "hold for 1 second",
      "once a day",
      "5 days a week",
    ]);
  });

  it("leaves out a rest when there is only one set, and a hold of zero", () => {
    expect(dosageSentence({ ...base, sets: 1, holdSeconds: 0 })).toBe("1 set of 15 · twice a day · every day");
  });

  it("gives the clinician a compact line", () => {
    expect(dosageCompact(base)).toBe("3 × 15 · hold 5 s · rest 60 s · 2×/day");
    expect(dosageCompact({ ...base, sides: "each", daysPerWeek: 5, load: "red band" })).toBe(
      "3 × 15 each side · hold 5 s · rest 60 s · 2×/day · 5 d/wk · red band",
    );
  });
});

import { describe, expect, it } from "vitest";
import { clockWords, durationWords, equipmentWords, positionWords } from "./words";

describe("plain words for the patient", () => {
  it("says positions the way people do", () => {
    expect(positionWords("supine")).toBe("Lie on your back");
    expect(positionWords("quadruped")).toBe("Get on your hands and knees");
  });

  it("lists equipment, or nothing when none is needed", () => {
    expect(equipmentWords(["none"])).toBeNull();
    expect(equipmentWords(["mat"])).toBe("You need a mat");
    expect(equipmentWords(["none", "towel", "ball", "block"])).toBe("You need a towel, a ball or a block");
    expect(equipmentWords(["exercise band"])).toBe("You need an exercise band");
  });

  it("shows timers as big simple numbers and reads them out in words", () => {
    expect(clockWords(9)).toBe("9");
    expect(clockWords(60)).toBe("1:00");
    expect(clockWords(75)).toBe("1:15");
    expect(durationWords(75)).toBe("1 minute 15 seconds");
    expect(durationWords(60)).toBe("1 minute");
    expect(durationWords(1)).toBe("1 second");
  });
});

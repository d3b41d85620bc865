import path from "node:path";
import { describe, expect, it } from "vitest";
import { exerciseFileSchema, safetyFileSchema } from "./content-schema";
import { loadExercises, loadSafety } from "./load-content";
import { safetyAdvice } from "./safety";

const root = path.join(process.cwd(), "content");

describe("content provenance", () => {
  const [bridge] = loadExercises(path.join(root, "exercises")).filter((e) => e.slug === "bridge");
  const { slug: _slug, file: _file, ...bridgeFile } = bridge!;

  it("accepts an editorial note only for a line the file really shows", () => {
    const cue = bridgeFile.cues[0] ?? bridgeFile.steps[0]!;
    expect(exerciseFileSchema.safeParse({ ...bridgeFile, editorial: [{ line: cue, basis: "editorial judgement: test" }] }).success).toBe(
      true,
    );
    const wrong = exerciseFileSchema.safeParse({
      ...bridgeFile,
      editorial: [{ line: "A sentence no step or cue contains.", basis: "editorial judgement" }],
    });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.path).toEqual(["editorial", 0, "line"]);
  });

  it("refuses safety advice that names neither a seed nor the guideline it follows", () => {
    const bare = { advice: [1, 2, 3].map((i) => ({ id: `a${i}`, title: "Advice title", text: "Some advice." })) };
    expect(safetyFileSchema.safeParse(bare).success).toBe(false);
    const marked = { advice: bare.advice.map((a) => ({ ...a, editorial: "NICE NG59" })) };
    expect(safetyFileSchema.safeParse(marked).success).toBe(true);
  });

  it("shows the red flags first, each editorial and naming its guideline, with every warning sign", () => {
    const file = loadSafety(path.join(root, "safety.yaml"));
    const urgent = file.advice.filter((a) => a.urgent);
    expect(urgent.length).toBeGreaterThan(0);
    for (const a of urgent) expect(a.editorial).toMatch(/NICE/);
    const signs = urgent
      .flatMap((a) => a.signs ?? [])
      .join(" ")
      .toLowerCase();
    for (const sign of ["bladder", "saddle", "weakness", "down your leg", "fever", "weight loss", "cancer", "fall", "night"])
      expect(signs).toContain(sign);
    const shown = safetyAdvice();
    expect(shown.slice(0, urgent.length).every((a) => a.urgent)).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { getPoseSet, hasPoses, parsePoseFile, parsePoseSets, PoseContentError } from "./load-poses";
import { catalogue, poseSets } from "./test-support";

const GOOD = `
view: side
poses:
  - label: Start
    description: Lying on the back.
    root: { tilt: 90 }
    near: { shoulder: 0, elbow: 0, hip: 50, knee: 100, ankle: flat }
  - label: Lift
    description: Bottom lifted.
    root: { tilt: 110 }
    near: { shoulder: 0, elbow: 0, hip: 0, knee: 90, ankle: flat }
`;

function problemsOf(text: string) {
  try {
    parsePoseFile("content/poses/example.yaml", text);
  } catch (error) {
    expect(error).toBeInstanceOf(PoseContentError);
    const e = error as PoseContentError;
    expect(e.message).toContain("content/poses/example.yaml");
    return e.problems;
  }
  throw new Error("expected the file to be rejected");
}

describe("pose files", () => {
  it("exist for every catalogue exercise and nothing else", () => {
    expect([...poseSets.keys()].sort()).toEqual(catalogue.map((e) => e.slug).sort());
  });

  it("accept a minimal valid file and fill in the defaults", () => {
    const set = parsePoseFile("example.yaml", GOOD);
    expect(set.anchor).toBe("pelvis");
    expect(set.cycle).toBe("back-and-forth");
    expect(set.poses[0]!.far).toEqual(set.poses[0]!.near);
    expect(set.poses[0]!.near.hip).toEqual({ flex: 50, abd: 0, rot: 0 });
  });

  it("name the field and the reason for an out-of-range angle", () => {
    expect(problemsOf(GOOD.replace("knee: 100", "knee: 900"))).toContainEqual({
      field: "poses.0.near.knee",
      reason: "must be at most 165 degrees (knee flexion)",
    });
  });

  it("see through the number-or-object shorthand to the real reason", () => {
    const problems = problemsOf(GOOD.replace("shoulder: 0, elbow: 0, hip: 50", "shoulder: 500, elbow: 0, hip: 50"));
    expect(problems).toContainEqual({ field: "poses.0.near.shoulder", reason: "must be at most 200 degrees (shoulder flexion)" });
    const nested = problemsOf(GOOD.replace("hip: 50,", "hip: { flex: 50, abd: 120 },"));
    expect(nested).toContainEqual({ field: "poses.0.near.hip.abd", reason: "must be at most 80 degrees (hip abduction)" });
  });

  it("reject unknown keys, a missing joint, a single pose and a bad contact", () => {
    expect(
      problemsOf(GOOD.replace("ankle: flat }\n  - label: Lift", "ankle: flat, wrist: 10 }\n  - label: Lift")).map((p) => p.field),
    ).toContain("poses.0.near");
    expect(problemsOf(GOOD.replace("elbow: 0, hip: 50", "hip: 50")).map((p) => p.field)).toContain("poses.0.near.elbow");
    expect(problemsOf(GOOD.replace("view: side", "view: front")).map((p) => p.field)).toContain("view");
    const contact = problemsOf(GOOD.replace("root: { tilt: 90 }", "root: { tilt: 90 }\n    contacts: [neck, neck]"));
    expect(contact).toContainEqual({ field: "poses.0.contacts", reason: "must name two different joints" });
    const single = GOOD.slice(0, GOOD.indexOf("  - label: Lift"));
    expect(problemsOf(single)).toContainEqual({ field: "poses", reason: "needs at least a start and an end pose" });
  });

  it("keep the first and last poses as stills", () => {
    expect(problemsOf(GOOD.replace("description: Bottom lifted.", "description: Bottom lifted.\n    still: false"))).toContainEqual({
      field: "poses.1.still",
      reason: "the first and last poses are always shown",
    });
  });

  it("reject a repeated label and text that is not YAML", () => {
    expect(problemsOf(GOOD.replace("label: Lift", "label: Start"))).toContainEqual({
      field: "poses.1.label",
      reason: '"Start" is used by an earlier pose',
    });
    expect(problemsOf("view: side\n  poses: [")[0]!.field).toBe("(file)");
  });

  it("report every bad file in a folder at once, each by name", () => {
    const files = [
      { file: "poses/good.yaml", text: GOOD },
      { file: "poses/bad-knee.yaml", text: GOOD.replace("knee: 100", "knee: -5") },
      { file: "poses/bad-view.yaml", text: GOOD.replace("view: side", "view: sideways") },
    ];
    expect(() => parsePoseSets(files)).toThrow(/bad-knee\.yaml poses\.0\.near\.knee: must be at least 0 degrees.*bad-view\.yaml view/s);
    expect([...parsePoseSets(files.slice(0, 1)).keys()]).toEqual(["good"]);
  });
});

describe("getPoseSet / hasPoses", () => {
  it("find a catalogue pose set by slug", () => {
    expect(getPoseSet("bridge")?.poses.map((p) => p.label)).toEqual(["Start", "Lift"]);
    expect(hasPoses("cat-cow")).toBe(true);
  });

  it("return null for a custom exercise without poses or an unknown slug", () => {
    for (const slug of [null, undefined, "", "my-own-exercise", "../exercises/bridge", "constructor"]) {
      expect(getPoseSet(slug)).toBeNull();
      expect(hasPoses(slug)).toBe(false);
    }
  });

  it("hand out data a server component can pass to a client one", () => {
    const set = getPoseSet("cat-cow")!;
    expect(JSON.parse(JSON.stringify(set))).toEqual(set);
  });
});

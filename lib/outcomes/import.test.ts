import { describe, expect, it } from "vitest";
import { importQuestionnaire } from "./import";
import { scoreAnswers } from "./scoring";
import type { MeasureDefinition } from "./measure";

const ordinal = (score: number) => [{ url: "http://hl7.org/fhir/StructureDefinition/ordinalValue", valueDecimal: score }];
const choice = (linkId: string, scores: number[]) => ({
  linkId,
  text: `Question ${linkId}`,
  type: "choice",
  answerOption: scores.map((s) => ({ valueCoding: { code: `${linkId}-${s}`, display: `Answer ${s}`, extension: ordinal(s) } })),
});
/** An invented three-question measure (no licensed text): two ordinal choices and a 0–10 number in a group. */
const questionnaire = {
  resourceType: "Questionnaire",
  status: "active",
  title: "Invented back questionnaire",
  item: [
    { linkId: "intro", type: "display", text: "About your back this week." },
    choice("a", [0, 1, 2, 3, 4, 5]),
    {
      linkId: "g",
      type: "group",
      text: "More",
      item: [
        choice("b", [0, 1, 2, 3, 4, 5]),
        {
          linkId: "c",
          type: "integer",
          text: "Rate it",
          extension: [
            { url: "http://hl7.org/fhir/StructureDefinition/minValue", valueInteger: 0 },
            { url: "http://hl7.org/fhir/StructureDefinition/maxValue", valueInteger: 10 },
          ],
        },
      ],
    },
    { linkId: "note", type: "string", text: "Anything else?" },
  ],
};

function imported(rule: "sum" | "mean" | "percent"): MeasureDefinition {
  const result = importQuestionnaire(JSON.stringify(questionnaire), { rule, mcid: 5, higherIsBetter: false });
  if (!result.ok) throw new Error(result.message);
  return { ...result.measure, key: "q-test" };
}

describe("an imported Questionnaire scores as declared", () => {
  const all = [
    { linkId: "a", value: "a-4" },
    { linkId: "b", value: "b-2" },
    { linkId: "c", value: 6 },
    { linkId: "note", value: "stairs" },
  ];
  it("sum adds the ordinal scores and numbers; text does not count", () => {
    expect(scoreAnswers(imported("sum"), all)).toEqual({ score: 12, answered: 3, total: 3 });
  });
  it("mean divides by the answered items", () => {
    expect(scoreAnswers(imported("mean"), all).score).toBe(4);
  });
  it("percent is of the maximum of the answered items", () => {
    // 12 of (5 + 5 + 10)
    expect(scoreAnswers(imported("percent"), all).score).toBe(60);
  });
  it("an unanswered item neither counts as 0 nor lowers the maximum", () => {
    const two = [
      { linkId: "a", value: "a-4" },
      { linkId: "b", value: "b-2" },
    ];
    expect(scoreAnswers(imported("sum"), two)).toEqual({ score: 6, answered: 2, total: 3 });
    expect(scoreAnswers(imported("mean"), two).score).toBe(3);
    // 6 of (5 + 5), not of 20
    expect(scoreAnswers(imported("percent"), two).score).toBe(60);
  });
  it("no scored answer gives no score, not 0", () => {
    expect(scoreAnswers(imported("sum"), [{ linkId: "note", value: "x" }]).score).toBeNull();
  });
});

describe("a malformed or unsupported Questionnaire is refused with the item named", () => {
  const refuse = (q: unknown, rule: "sum" | "percent" = "sum") => {
    const result = importQuestionnaire(typeof q === "string" ? q : JSON.stringify(q), { rule, mcid: null, higherIsBetter: true });
    expect(result.ok).toBe(false);
    return result.ok ? "" : result.message;
  };
  const withItem = (item: unknown) => ({ ...questionnaire, item: [...questionnaire.item, item] });

  it("names a choice option with no ordinal score", () => {
    expect(
      refuse(
        withItem({
          linkId: "q9",
          text: "Sleep",
          type: "choice",
          answerOption: [{ valueCoding: { code: "x" } }, { valueCoding: { code: "y" } }],
        }),
      ),
    ).toMatch(/"q9".*no ordinal score/);
  });
  it("names an unsupported type", () => {
    expect(refuse(withItem({ linkId: "when", text: "Date of onset", type: "date" }))).toMatch(/"when".*type "date"/);
  });
  it("names a repeated linkId", () => {
    expect(refuse(withItem(choice("a", [0, 1])))).toMatch(/"a".*used twice/);
  });
  it("names a conditional item", () => {
    expect(refuse(withItem({ ...choice("z", [0, 1]), enableWhen: [{ question: "a", operator: "exists", answerBoolean: true }] }))).toMatch(
      /"z".*enableWhen/,
    );
  });
  it("names a number with no maximum when the rule is percent", () => {
    expect(refuse(withItem({ linkId: "n", text: "Count", type: "integer" }), "percent")).toMatch(/"n".*no maxValue/);
  });
  it("refuses what is not JSON or not a Questionnaire", () => {
    expect(refuse("{ not json")).toMatch(/not valid JSON/);
    expect(refuse({ resourceType: "Patient" })).toMatch(/resourceType/);
    expect(refuse('{"resourceType":"Questionnaire","title":"A\\u0000B"}')).toMatch(/cannot be stored/);
    expect(refuse('{"resourceType":"Questionnaire","title":"A\\ud800B"}')).toMatch(/cannot be stored/);
  });
});

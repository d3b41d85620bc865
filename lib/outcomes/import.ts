import { OUTCOME_LIMITS, SUPPORTED_ITEM_TYPES, type ScoringRule } from "@/lib/domain/outcomes";
import { answerableItems, isScored, itemMax, type ChoiceOption, type MeasureDefinition, type MeasureItem } from "./measure";

/*
 * Reads a FHIR R4 Questionnaire (JSON) that a clinic holds a licence for into a
 * measure. Only what Homeplan can ask and score is accepted: integer, decimal, choice
 * with ordinal scores, string, display and group items. Anything else is refused with
 * the item named, and nothing is kept.
 */

const ORDINAL_URLS = ["http://hl7.org/fhir/StructureDefinition/ordinalValue", "http://hl7.org/fhir/StructureDefinition/itemWeight"];
const MIN_URL = "http://hl7.org/fhir/StructureDefinition/minValue";
const MAX_URL = "http://hl7.org/fhir/StructureDefinition/maxValue";

export type ImportDeclaration = { rule: ScoringRule; mcid: number | null; higherIsBetter: boolean };
export type ImportResult =
  { ok: true; measure: Omit<MeasureDefinition, "key">; questionnaire: Record<string, unknown> } | { ok: false; message: string };

class Refusal extends Error {}
type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === "string" ? v.trim() : "");

function extensionNumber(holder: Json, urls: string[]): number | null {
  const list = Array.isArray(holder.extension) ? holder.extension : [];
  for (const ext of list) {
    if (!isObject(ext) || !urls.includes(str(ext.url))) continue;
    const value = ext.valueDecimal ?? ext.valueInteger;
    if (typeof value === "number" && Number.isFinite(value)) return value;
  }
  return null;
}

function describe(linkId: string, text: string) {
  return text ? `Item "${linkId}" (${text.length > 50 ? `${text.slice(0, 50)}…` : text})` : `Item "${linkId}"`;
}

function readOptions(item: Json, name: string): ChoiceOption[] {
  if (item.answerValueSet !== undefined)
    throw new Refusal(`${name} takes its choices from a value set; list them in answerOption instead.`);
  const raw = Array.isArray(item.answerOption) ? item.answerOption : [];
  if (raw.length < 2) throw new Refusal(`${name} is a choice with fewer than two answer options.`);
  const codes = new Set<string>();
  return raw.map((option, i) => {
    if (!isObject(option)) throw new Refusal(`${name}, answer option ${i + 1}, is not an object.`);
    let code = "";
    let display = "";
    let score: number | null = extensionNumber(option, ORDINAL_URLS);
    if (isObject(option.valueCoding)) {
      code = str(option.valueCoding.code);
      display = str(option.valueCoding.display) || code;
      score ??= extensionNumber(option.valueCoding, ORDINAL_URLS);
    } else if (typeof option.valueInteger === "number" && Number.isInteger(option.valueInteger)) {
      code = String(option.valueInteger);
      display = code;
      score ??= option.valueInteger;
    } else {
      throw new Refusal(`${name}, answer option ${i + 1}, needs a valueCoding or a valueInteger.`);
    }
    if (!code) throw new Refusal(`${name}, answer option ${i + 1}, has no code.`);
    if (codes.has(code)) throw new Refusal(`${name} has the code "${code}" twice.`);
    codes.add(code);
    if (score === null)
      throw new Refusal(`${name}, answer option "${display}", has no ordinal score (the ordinalValue or itemWeight extension).`);
    return { code, display, score };
  });
}

function readItems(list: unknown, seen: Set<string>, count: { n: number }, where: string): MeasureItem[] {
  if (!Array.isArray(list) || list.length === 0) throw new Refusal(`${where} has no items.`);
  return list.map((raw, i): MeasureItem => {
    if (!isObject(raw)) throw new Refusal(`${where}, item ${i + 1}, is not an object.`);
    const linkId = str(raw.linkId);
    if (!linkId) throw new Refusal(`${where}, item ${i + 1}, has no linkId.`);
    if (linkId.length > 100) throw new Refusal(`Item ${i + 1} of ${where} has a linkId longer than 100 characters.`);
    const text = str(raw.text);
    const name = describe(linkId, text);
    if (seen.has(linkId)) throw new Refusal(`${name}: the linkId is used twice.`);
    seen.add(linkId);
    if (++count.n > OUTCOME_LIMITS.items.max) throw new Refusal(`The questionnaire has more than ${OUTCOME_LIMITS.items.max} items.`);
    const type = str(raw.type);
    if (!(SUPPORTED_ITEM_TYPES as readonly string[]).includes(type)) {
      throw new Refusal(
        `${name} has the type "${type || "none"}", which Homeplan cannot ask. Supported: ${SUPPORTED_ITEM_TYPES.join(", ")}.`,
      );
    }
    if (raw.enableWhen !== undefined)
      throw new Refusal(`${name} is shown only under a condition (enableWhen), which Homeplan does not support.`);
    if (raw.repeats === true) throw new Refusal(`${name} repeats, which Homeplan does not support.`);
    if (type !== "display" && !text) throw new Refusal(`${name} has no text to show the patient.`);
    if (type !== "group" && raw.item !== undefined) throw new Refusal(`${name} has items inside it; only a group may.`);
    switch (type) {
      case "group":
        return { linkId, type, text, items: readItems(raw.item, seen, count, name) };
      case "display":
        if (!text) throw new Refusal(`${name} is a display item with no text.`);
        return { linkId, type, text };
      case "string":
        return { linkId, type, text };
      case "choice":
        return { linkId, type, text, options: readOptions(raw, name) };
      default: {
        const min = extensionNumber(raw, [MIN_URL]);
        const max = extensionNumber(raw, [MAX_URL]);
        if (min !== null && max !== null && min > max) throw new Refusal(`${name} has a minValue above its maxValue.`);
        return { linkId, type: type as "integer" | "decimal", text, min, max };
      }
    }
  });
}

/** Parses the pasted JSON and checks it; `declared` is what the owner chose on the form. */
export function importQuestionnaire(json: string, declared: ImportDeclaration): ImportResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    return { ok: false, message: `This is not valid JSON (${(error as Error).message}).` };
  }
  // The database stores neither a NUL nor half of a surrogate pair, and no questionnaire needs one; written out again, both show as escapes.
  if (/\\u(0000|d[89a-f][0-9a-f]{2})/i.test(JSON.stringify(parsed)))
    return {
      ok: false,
      message: "The questionnaire contains a character that cannot be stored (\\u0000 or half of a \\u pair); remove it and try again.",
    };
  try {
    if (!isObject(parsed) || parsed.resourceType !== "Questionnaire")
      throw new Refusal('This is not a FHIR Questionnaire: its resourceType must be "Questionnaire".');
    const title = str(parsed.title) || str(parsed.name);
    if (!title) throw new Refusal("The questionnaire has no title (or name).");
    if (title.length > OUTCOME_LIMITS.title.max) throw new Refusal(`The title is longer than ${OUTCOME_LIMITS.title.max} characters.`);
    const items = readItems(parsed.item, new Set(), { n: 0 }, "The questionnaire");
    const scored = answerableItems(items).filter(isScored);
    if (scored.length === 0) throw new Refusal("The questionnaire has no item that can be scored (integer, decimal or choice).");
    if (declared.rule === "percent") {
      const open = scored.find((item) => itemMax(item) === null);
      if (open) throw new Refusal(`${describe(open.linkId, open.text)} has no maxValue, so a percent of the maximum cannot be worked out.`);
    }
    const measure: Omit<MeasureDefinition, "key"> = {
      title,
      shortTitle: title.length > 24 ? `${title.slice(0, 23)}…` : title,
      patientTitle: title,
      intro: str(parsed.description).slice(0, 500),
      items,
      rule: declared.rule,
      mcid: declared.mcid,
      higherIsBetter: declared.higherIsBetter,
      source: `Imported by the clinic${str(parsed.publisher) ? ` (publisher: ${str(parsed.publisher).slice(0, 100)})` : ""}.`,
    };
    return { ok: true, measure, questionnaire: parsed };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, message: error.message };
    throw error;
  }
}

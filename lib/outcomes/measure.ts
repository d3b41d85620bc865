import type { ScoringRule } from "@/lib/domain/outcomes";

/*
 * One shape for every measure, built in or imported: plain JSON, so the patient's
 * form (a client component) and the scoring on the server read the same definition.
 */

export type ChoiceOption = { code: string; display: string; score: number };

export type MeasureItem =
  | { linkId: string; type: "display"; text: string }
  | { linkId: string; type: "group"; text: string; items: MeasureItem[] }
  | {
      linkId: string;
      type: "integer" | "decimal";
      text: string;
      min: number | null;
      max: number | null;
      /** What the ends of a tapped scale mean ("no pain", "worst pain"). */ anchors?: [string, string];
    }
  | { linkId: string; type: "choice"; text: string; options: ChoiceOption[] }
  | { linkId: string; type: "string"; text: string }
  /** PSFS: the patient names an activity once and rates it 0–10 each time. */
  | { linkId: string; type: "activity"; text: string; min: number; max: number };

export type MeasureDefinition = {
  /** "psfs", "nprs", or "q-<uuid>" for a clinic's imported questionnaire. */
  key: string;
  title: string;
  /** Short name for the chart and the schedule ("PSFS"). */
  shortTitle: string;
  /** The heading the patient sees ("Your pain"). */
  patientTitle: string;
  /** What the patient is asked first, in plain words. */
  intro: string;
  items: MeasureItem[];
  rule: ScoringRule;
  /** Minimal clinically important difference in score points; null when none was declared. */
  mcid: number | null;
  /** A second MCID as a share of the first score (NPRS: 30 %). */
  mcidPercent?: number;
  higherIsBetter: boolean;
  /** Where the measure and its MCID come from (shown to the clinician). */
  source: string;
};

export type Answer = { linkId: string; value: number | string; label?: string };

/** Every item that takes an answer, nested groups flattened, in order. */
export function answerableItems(items: MeasureItem[]): Exclude<MeasureItem, { type: "display" | "group" }>[] {
  return items.flatMap((item) => (item.type === "group" ? answerableItems(item.items) : item.type === "display" ? [] : [item]));
}

/** Items that count towards the score: numbers, ordinal choices and PSFS activities. */
export function isScored(item: MeasureItem): boolean {
  return item.type === "integer" || item.type === "decimal" || item.type === "choice" || item.type === "activity";
}

/** The highest score an item can give, or null when it declares none. */
export function itemMax(item: MeasureItem): number | null {
  if (item.type === "choice") return Math.max(...item.options.map((o) => o.score));
  if (item.type === "integer" || item.type === "decimal" || item.type === "activity") return item.max;
  return null;
}

function itemMin(item: MeasureItem): number | null {
  if (item.type === "choice") return Math.min(...item.options.map((o) => o.score));
  if (item.type === "integer" || item.type === "decimal" || item.type === "activity") return item.min;
  return null;
}

/** The range the score can take, for the chart's axis; null where an item declares no bound. */
export function scoreRange(measure: MeasureDefinition): { min: number; max: number } | null {
  if (measure.rule === "percent") return { min: 0, max: 100 };
  const scored = answerableItems(measure.items).filter(isScored);
  const mins = scored.map(itemMin);
  const maxes = scored.map(itemMax);
  if (scored.length === 0 || mins.some((m) => m === null) || maxes.some((m) => m === null)) return null;
  if (measure.rule === "mean") return { min: Math.min(...(mins as number[])), max: Math.max(...(maxes as number[])) };
  // A PSFS-like measure has fewer activities answered than offered; its rule is the mean.
  return { min: (mins as number[]).reduce((a, b) => a + b, 0), max: (maxes as number[]).reduce((a, b) => a + b, 0) };
}

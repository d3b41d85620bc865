import { Text, View } from "@react-pdf/renderer";
import { Fragment, type ReactElement } from "react";
import { daysPerWeekWords, dosageWords, timesPerDayWords } from "@/lib/dosage/format";
import type { ProgrammeExerciseView } from "@/lib/programme/view";
import { textWidth, wholeWords } from "./fonts";
import { COLUMN_GAP, FIGURE_HEIGHT, FIGURE_WIDTH, s } from "./handout-styles";

/** The drawing for a pose slug; given the item too, it may draw the clinic's own photo instead. */
export type RenderFigure = (poseSlug: string | null, width: number, item?: ProgrammeExerciseView) => ReactElement | null;

const POSITION_WORDS: Record<ProgrammeExerciseView["bodyPosition"], string> = {
  supine: "Lying on your back",
  prone: "Lying on your front",
  "side-lying": "Lying on your side",
  quadruped: "On your hands and knees",
  seated: "Sitting",
  kneeling: "Kneeling",
  standing: "Standing",
};

/** The dose split into what to do and how often, each part on its own line. */
export function doseParts(item: ProgrammeExerciseView): { what: string[]; when: string[] } {
  const when = [timesPerDayWords(item.dosage.timesPerDay), daysPerWeekWords(item.dosage.daysPerWeek)];
  return { what: dosageWords(item.dosage).filter((part) => !when.includes(part)), when };
}

/** Equipment worth fetching before starting; "none" among the options means it is optional. */
function equipmentNeeded(item: ProgrammeExerciseView): string {
  if (item.equipment.length === 0 || item.equipment.includes("none")) return "";
  return item.equipment.join(" or ");
}

/*
 * The figure always occupies the same box, so the pages paginate identically whether or
 * not illustrations are available yet.
 */
function Figure({ item, renderFigure }: { item: ProgrammeExerciseView; renderFigure?: RenderFigure }) {
  const figure = renderFigure?.(item.poseSlug, FIGURE_WIDTH, item) ?? null;
  if (figure) return <View style={s.figure}>{figure}</View>;
  return (
    <View style={s.placeholder}>
      <Text style={s.placeholderText}>{POSITION_WORDS[item.bodyPosition]}</Text>
    </View>
  );
}

/*
 * The dose in one <Text> with nested runs rather than a <View> per line: react-pdf's time
 * goes on layout, and fewer boxes measured ~15% faster for the whole handout. What to do
 * in bold, how often after it, so the dose reads as one sentence beside the steps.
 */
function Dose({ item }: { item: ProgrammeExerciseView }) {
  const { what, when } = doseParts(item);
  return (
    <Text style={s.dose}>
      <Text style={s.bold}>{what.join(" · ")}</Text>
      {`\n${capitalise(when.join(", "))}`}
    </Text>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const STEP_INDENT = 22;
const NBSP = "\u00a0";
const TABULAR = { tnum: true };

/*
 * Numbered steps with a hanging indent, in one <Text>: each step is a paragraph whose
 * first line starts one indent to the left of the rest. With tabular figures "1." to "9."
 * are equally wide, so the number and two no-break spaces, in one run, line every step's
 * words up. Ten or more steps need a second run per step: a no-break space widened with
 * letter spacing to fill the rest of the indent (measured ~6% slower for a handout).
 */
function Steps({ steps }: { steps: string[] }) {
  const size = s.steps.fontSize;
  const short = steps.length < 10;
  const indent = short ? textWidth(`0.${NBSP}${NBSP}`, 700, size, TABULAR) : STEP_INDENT + 8;
  const number = [s.stepNumber, { textIndent: -indent }];
  return (
    <Text style={[s.steps, { paddingLeft: indent }]}>
      {steps.map((step, i) => {
        const label = `${i + 1}.`;
        const text = i < steps.length - 1 ? `${step}\n` : step;
        if (short) {
          return (
            <Fragment key={i}>
              <Text style={number}>{`${label}${NBSP}${NBSP}`}</Text>
              {text}
            </Fragment>
          );
        }
        const gap = indent - textWidth(label, 700, size, TABULAR) - textWidth(NBSP, 400, size);
        return (
          <Fragment key={i}>
            <Text style={number}>{label}</Text>
            <Text style={{ letterSpacing: gap }}>{NBSP}</Text>
            {text}
          </Fragment>
        );
      })}
    </Text>
  );
}

/** Lines a text needs at roughly `perLine` characters a line (Atkinson averages ~0.5 em). */
function lines(text: string, perLine: number): number {
  return Math.max(1, Math.ceil(text.length / perLine));
}

/**
 * A generous estimate of an exercise's height in points. react-pdf cuts off an unbreakable
 * block taller than the page, so an exercise that might not fit one page is allowed to
 * split instead: better a continued exercise than lost steps.
 */
export function estimateExerciseHeight(item: ProgrammeExerciseView, contentWidth: number): number {
  const textWidth = contentWidth - FIGURE_WIDTH - COLUMN_GAP;
  const perLine = Math.floor((textWidth - STEP_INDENT) / 5.2);
  const left = FIGURE_HEIGHT + lines(item.purpose, Math.floor(FIGURE_WIDTH / 5.2)) * 14.3 + 20;
  let right = lines(item.name, Math.floor(textWidth / 8.5)) * 18 + 2 * 14.3 + 10;
  right += item.steps.reduce((sum, step) => sum + lines(step, perLine) * 14.3, 0);
  if (item.dosage.note) right += lines(item.dosage.note, perLine) * 14.3 + 8;
  if (item.cautions.length) right += lines(item.cautions.join(" "), perLine) * 14.3 + 14;
  return Math.max(left, right) + 24;
}

export function ExerciseBlock({
  item,
  number,
  clinicianName,
  heading,
  renderFigure,
  unbreakable = true,
}: {
  item: ProgrammeExerciseView;
  number: number;
  clinicianName: string;
  heading?: string;
  renderFigure?: RenderFigure;
  /** Keep the whole exercise on one page (false only for one too long to fit a page). */
  unbreakable?: boolean;
}) {
  const equipment = equipmentNeeded(item);
  const row = (
    // wrap={false}: an exercise is never split across two pages.
    <View style={heading ? s.exerciseFirst : s.exercise} wrap={!unbreakable}>
      <View style={s.left}>
        <Figure item={item} renderFigure={renderFigure} />
        {item.purpose ? (
          // A narrow column: whole words only, a hyphen every other line reads badly.
          <Text style={s.purpose} hyphenationCallback={wholeWords}>
            {item.purpose}
          </Text>
        ) : null}
        {equipment ? (
          <Text style={s.doseText}>
            <Text style={s.bold}>{"You need: "}</Text>
            {equipment}
          </Text>
        ) : null}
      </View>
      <View style={s.right}>
        <View style={s.nameRow}>
          <View style={s.badge}>
            <Text style={s.badgeText}>{number}</Text>
          </View>
          <Text style={s.exerciseName}>{item.name}</Text>
        </View>
        <Dose item={item} />
        <Steps steps={item.steps} />
        {item.dosage.note ? (
          <View style={s.clinicianNote}>
            <Text>
              <Text style={s.bold}>{`Note from ${clinicianName}: `}</Text>
              {item.dosage.note}
            </Text>
          </View>
        ) : null}
        {item.cautions.length > 0 ? (
          <View style={s.caution}>
            <Text>
              <Text style={s.bold}>Take care: </Text>
              {item.cautions.join(" ")}
            </Text>
          </View>
        ) : null}
      </View>
    </View>
  );
  if (!heading) return row;
  // The section heading travels with the first exercise so it never ends a page alone.
  return (
    <View wrap={!unbreakable} minPresenceAhead={unbreakable ? undefined : 200}>
      <Text style={s.sectionHeading}>{heading}</Text>
      {row}
    </View>
  );
}

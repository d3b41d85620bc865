import { Path, Svg, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import { daysPerWeekWords, timesPerDayWords } from "@/lib/dosage/format";
import type { ProgrammeExerciseView } from "@/lib/programme/view";
import { addDays, dayLabel, isWeekend, weekdayDate } from "./dates";
import { FILL, INK, s } from "./handout-styles";

const NAME_WIDTH = 162;
const DAYS_PER_BLOCK = 14;
/** More boxes than this no longer fit a day's column legibly; the row's hint gives the real number. */
const MAX_BOXES = 4;

type Geometry = { cell: number; width: number };

const BOX = { single: 14, stacked: 11, gap: 2, padding: 3 };

function rowHeight(boxes: number): number {
  return boxes === 1 ? 22 : boxes * BOX.stacked + (boxes - 1) * BOX.gap + 2 * BOX.padding;
}

/*
 * A whole row of tick boxes is one <Svg> with one outline path and one shading path:
 * drawing 14–56 bordered <View>s per row instead measured ~23% slower for the handout.
 * One box for once a day; for more, boxes stacked in the day's column (morning at the top).
 */
function TickRow({ boxes, days, geometry }: { boxes: number; days: Date[]; geometry: Geometry }) {
  const height = rowHeight(boxes);
  const size = boxes === 1 ? BOX.single : BOX.stacked;
  const stack = boxes * size + (boxes - 1) * BOX.gap;
  const top = (height - stack) / 2;
  let outline = "";
  let shade = "";
  days.forEach((day, i) => {
    const x0 = i * geometry.cell;
    if (isWeekend(day)) shade += `M${x0.toFixed(2)} 0h${geometry.cell}v${height}h-${geometry.cell}z`;
    const x = (x0 + (geometry.cell - size) / 2).toFixed(2);
    for (let b = 0; b < boxes; b += 1) {
      outline += `M${x} ${(top + b * (size + BOX.gap)).toFixed(2)}h${size}v${size}h-${size}z`;
    }
  });
  const divider = (7 * geometry.cell).toFixed(2);
  return (
    <Svg width={geometry.width} height={height}>
      {shade ? <Path d={shade} fill={FILL} /> : null}
      <Path d={`M${divider} 0V${height}`} stroke={INK} strokeWidth={1.5} />
      <Path d={outline} stroke={INK} strokeWidth={1} fill="none" />
    </Svg>
  );
}

/** What the boxes cannot show: more than once a day, or fewer than seven days a week. */
function hint(item: ProgrammeExerciseView): string {
  const { timesPerDay, daysPerWeek } = item.dosage;
  const parts = [timesPerDay > 1 ? timesPerDayWords(timesPerDay) : "", daysPerWeek < 7 ? daysPerWeekWords(daysPerWeek) : ""];
  return parts.filter(Boolean).join(", ");
}

type ChartRow = { item: ProgrammeExerciseView; number: number };

/** A generous height for a row: its boxes, or its name and hint at ~21 characters a line. */
function estimateRowHeight({ item, number }: ChartRow): number {
  const nameLines = Math.ceil(`${number}  ${item.name}`.length / 21) + (hint(item) ? 1 : 0);
  return Math.max(rowHeight(boxesFor(item)), nameLines * 13.2 + 6) + 1;
}

function boxesFor(item: ProgrammeExerciseView): number {
  return Math.min(Math.max(item.dosage.timesPerDay, 1), MAX_BOXES);
}

/** Rows of one block that fit below its caption and heading on any paper size. */
const MAX_BLOCK_ROWS_HEIGHT = 500;

/*
 * A block is kept on one page, so a long programme's rows are split into several blocks,
 * each with its own day headings, rather than one block taller than the page (which
 * react-pdf would cut off).
 */
function chunkRows(rows: ChartRow[]): ChartRow[][] {
  const chunks: ChartRow[][] = [];
  let current: ChartRow[] = [];
  let height = 0;
  for (const row of rows) {
    const h = estimateRowHeight(row);
    if (current.length > 0 && height + h > MAX_BLOCK_ROWS_HEIGHT) {
      chunks.push(current);
      current = [];
      height = 0;
    }
    current.push(row);
    height += h;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function ChartBlock({
  rows,
  days,
  caption,
  geometry,
  heading,
}: {
  rows: ChartRow[];
  days: Date[];
  caption: string;
  geometry: Geometry;
  heading?: ReactNode;
}) {
  return (
    <View style={s.chartBlock} wrap={false}>
      {heading}
      <Text style={s.chartCaption}>{caption}</Text>
      <View style={s.chartHeadRow}>
        <Text style={[s.chartDay, { width: NAME_WIDTH, textAlign: "left" }]}>Exercise</Text>
        {days.map((day) => {
          const [weekday, date] = dayLabel(day);
          return (
            <Text key={day.getTime()} style={[s.chartDay, { width: geometry.cell }]}>
              {`${weekday}\n`}
              <Text style={s.bold}>{date}</Text>
            </Text>
          );
        })}
      </View>
      {rows.map(({ item, number }) => (
        <View key={number} style={s.chartRow}>
          <Text style={[s.chartName, { width: NAME_WIDTH }]}>
            <Text style={s.bold}>{`${number}  `}</Text>
            {item.name}
            {hint(item) ? <Text style={s.chartHint}>{`\n${hint(item)}`}</Text> : null}
          </Text>
          <TickRow boxes={boxesFor(item)} days={days} geometry={geometry} />
        </View>
      ))}
    </View>
  );
}

/**
 * Exercises down the side, days from the start date across, in blocks of two weeks that
 * fit the page width. The heading travels inside the first block, so it never ends a page alone.
 */
export function TrackingChart({
  items,
  start,
  weeks,
  contentWidth,
  heading,
}: {
  items: ProgrammeExerciseView[];
  start: Date;
  weeks: 2 | 4;
  contentWidth: number;
  heading?: ReactNode;
}) {
  const cell = Math.floor(((contentWidth - NAME_WIDTH) / DAYS_PER_BLOCK) * 100) / 100;
  const geometry = { cell, width: cell * DAYS_PER_BLOCK };
  const chunks = chunkRows(items.map((item, i) => ({ item, number: i + 1 })));
  const blocks = Array.from({ length: weeks / 2 }, (_, b) => {
    const days = Array.from({ length: DAYS_PER_BLOCK }, (_, d) => addDays(start, b * DAYS_PER_BLOCK + d));
    const caption = `Weeks ${2 * b + 1} and ${2 * b + 2}: ${weekdayDate(days[0]!)} to ${weekdayDate(days[DAYS_PER_BLOCK - 1]!)}`;
    return chunks.map((rows, c) => ({ key: `${b}-${c}`, days, rows, caption: c === 0 ? caption : `${caption} (continued)` }));
  }).flat();
  return (
    <>
      {blocks.map((block) => (
        <ChartBlock
          key={block.key}
          rows={block.rows}
          days={block.days}
          caption={block.caption}
          geometry={geometry}
          heading={block.key === "0-0" ? heading : undefined}
        />
      ))}
    </>
  );
}

import { Document, Page, Path, Svg, Text, View } from "@react-pdf/renderer";
import { describeChanges } from "@/lib/programme/diff";
import { Fragment } from "react";
import { daysPerWeekWords, timesPerDayWords } from "@/lib/dosage/format";
import type { ProgrammeExerciseView, ProgrammeView, SafetyAdvice } from "@/lib/programme/view";
import { longDate, parseCalendarDay, weekdayDate } from "./dates";
import { TrackingChart } from "./handout-chart";
import { ExerciseBlock, estimateExerciseHeight, type RenderFigure } from "./handout-exercise";
import { INK, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAGE_SIZES, s } from "./handout-styles";
import { textWidth, wholeWords } from "./fonts";
import { QR_QUIET_ZONE, qrPath, type QrMatrix } from "./qr";

export type { RenderFigure } from "./handout-exercise";
export { FIGURE_HEIGHT, FIGURE_WIDTH } from "./handout-styles";

export type HandoutProps = {
  programme: ProgrammeView;
  safety: SafetyAdvice[];
  link: { url: string; shortUrl: string };
  /** The follow-along link as a QR matrix (createQrMatrix(link.url)); drawn as vector shapes. */
  qr: QrMatrix;
  /** ISO date (or timestamp) the handout is given; the chart starts here when the programme has no start date. */
  generatedOn: string;
  weeks: 2 | 4;
  /** Draws an exercise's illustration into a FIGURE_WIDTH × FIGURE_HEIGHT box; null keeps the placeholder. */
  renderFigure?: RenderFigure;
  /** "Page 2 of 7" in the footer (default true); costs a second layout pass, see Footer. */
  pageNumbers?: boolean;
};

const QR_SIZE = 86;
/** Where the footer rule sits, measured up from the bottom edge of the paper. */
const FOOTER_FROM_BOTTOM = 40;

/** Keeps a phone number on one line. */
function unbroken(text: string): string {
  return text.replace(/ /g, "\u00a0");
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Exercises grouped by how often they are done, in programme order: "Once a day, every day" → [1, 3]. */
function frequencyGroups(items: ProgrammeExerciseView[]): { when: string; numbers: number[] }[] {
  const groups = new Map<string, number[]>();
  items.forEach((item, i) => {
    const when = capitalise(`${timesPerDayWords(item.dosage.timesPerDay)}, ${daysPerWeekWords(item.dosage.daysPerWeek)}`);
    groups.set(when, [...(groups.get(when) ?? []), i + 1]);
  });
  return [...groups].map(([when, numbers]) => ({ when, numbers }));
}

function Header({ programme, generatedOn }: { programme: ProgrammeView; generatedOn: Date | null }) {
  const { clinic } = programme;
  const start = parseCalendarDay(programme.startDate);
  const review = parseCalendarDay(programme.reviewDate);
  // Dates break between words only ("Decem-ber" misreads); the clinician's name, free text, may hyphenate.
  const facts: { label: string; value: string; isDate?: boolean }[] = [{ label: "FROM", value: programme.clinician.name }];
  // The computed summary beside the clinician's words, as on the patient's page and in the email.
  // The handout's fonts have no arrow: "reps 10 → 8" prints as "reps 10 to 8".
  const changeLines = programme.changes
    ? describeChanges(programme.changes)
        .slice(0, 8)
        .map((line) => line.replace(/\s*→\s*/g, " to "))
    : [];
  if (generatedOn) facts.push({ label: "GIVEN", value: longDate(generatedOn), isDate: true });
  if (start) facts.push({ label: "START", value: weekdayDate(start), isDate: true });
  if (review) facts.push({ label: "NEXT REVIEW", value: weekdayDate(review), isDate: true });
  return (
    <View>
      <View style={s.header}>
        <View>
          <Text style={s.clinicName}>{clinic.name}</Text>
          {clinic.address ? <Text style={s.clinicLine}>{clinic.address}</Text> : null}
        </View>
        {clinic.phone ? <Text style={s.clinicPhone}>{`Phone ${unbroken(clinic.phone)}`}</Text> : null}
      </View>
      <Text style={s.patientName}>{programme.patient.name}</Text>
      <Text style={s.programmeTitle}>{programme.title}</Text>
      <View style={s.facts}>
        {facts.map(({ label, value, isDate }) => (
          <View key={label} style={s.fact}>
            <Text style={s.doseLabel}>{label}</Text>
            <Text style={s.factValue} hyphenationCallback={isDate ? wholeWords : undefined}>
              {value}
            </Text>
          </View>
        ))}
      </View>
      {programme.patientNote || (programme.version > 1 && (programme.changeNote || changeLines.length > 0)) ? (
        <View style={s.noteBox}>
          {programme.patientNote ? (
            <Text style={s.noteText}>
              <Text style={s.bold}>{`A note from ${programme.clinician.name}\n`}</Text>
              {programme.patientNote}
            </Text>
          ) : null}
          {programme.version > 1 && (programme.changeNote || changeLines.length > 0) ? (
            <Text style={[s.noteText, programme.patientNote ? { marginTop: 6 } : {}]}>
              <Text style={s.bold}>{"What has changed: "}</Text>
              {programme.changeNote ? `${programme.clinician.name} says: ${programme.changeNote}` : ""}
              {changeLines.map((line) => `\n• ${line}`).join("")}
            </Text>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

function HowOften({ items }: { items: ProgrammeExerciseView[] }) {
  return (
    <View wrap={false}>
      <Text style={s.sectionHeading}>How often</Text>
      {frequencyGroups(items).map((group) => (
        <View key={group.when} style={s.oftenRow}>
          <Text style={s.oftenWhen}>{group.when}</Text>
          <Text style={s.oftenWhat}>
            {group.numbers.map((n, i) => (
              <Fragment key={n}>
                <Text style={s.bold}>{`${n} `}</Text>
                {i < group.numbers.length - 1 ? `${items[n - 1]!.name},  ` : items[n - 1]!.name}
              </Fragment>
            ))}
          </Text>
        </View>
      ))}
    </View>
  );
}

/** Splits the advice into two columns of about equal length, keeping its order down each column. */
function balance(safety: SafetyAdvice[]): [SafetyAdvice[], SafetyAdvice[]] {
  const length = (advice: SafetyAdvice) => advice.title.length + advice.text.length + 60;
  const total = safety.reduce((sum, advice) => sum + length(advice), 0);
  let running = 0;
  const cut = safety.findIndex((advice) => (running += length(advice)) > total / 2);
  const at = cut < 0 ? safety.length : running - total / 2 < length(safety[cut]!) / 2 ? cut + 1 : cut;
  return [safety.slice(0, at), safety.slice(at)];
}

/*
 * Two columns on the first sheet, read before the exercises: one column across the page
 * would take half of it. The block stays whole; longer advice moves it to the next page.
 */
function Safety({ safety, programme }: { safety: SafetyAdvice[]; programme: ProgrammeView }) {
  const { clinic } = programme;
  const call = clinic.phone ? `call ${clinic.name} on ${unbroken(clinic.phone)}` : `contact ${clinic.name}`;
  const item = (advice: SafetyAdvice) => (
    <Text key={advice.id} style={s.safetyItem}>
      <Text style={s.bold}>{advice.text ? `${advice.title}\n` : advice.title}</Text>
      {advice.text}
    </Text>
  );
  const urgent = safety.filter((advice) => advice.urgent);
  // Paper is short: advice whose title says it all is printed as a title (the patient page has the rest).
  const columns = balance(
    safety.filter((advice) => !advice.urgent).map((advice) => (advice.titleOnlyOnPaper ? { ...advice, text: "" } : advice)),
  );
  // Two blocks that each stay whole: who to call and the red flags stay on the first
  // sheet; the general advice may move to the next one.
  return (
    <>
      <View wrap={false}>
        <Text style={s.sectionHeading}>Staying safe</Text>
        <View style={s.callBox}>
          <Text style={s.bold}>{`Questions, or worried about your pain? ${capitalise(call)}.`}</Text>
        </View>
        {urgent.length ? <RedFlags advice={urgent} /> : null}
      </View>
      <View style={s.safetyColumns} wrap={false}>
        <View style={[s.safetyColumn, { marginRight: 14 }]}>{columns[0].map(item)}</View>
        <View style={s.safetyColumn}>{columns[1].map(item)}</View>
      </View>
    </>
  );
}

/**
 * The red flags, side by side in a ruled box that a black-and-white printer keeps: what
 * to do in bold, then each warning sign on its own line.
 */
function RedFlags({ advice }: { advice: SafetyAdvice[] }) {
  return (
    <View style={s.redFlags}>
      {advice.map((a, i) => (
        <View key={a.id} style={[s.safetyColumn, i < advice.length - 1 ? { marginRight: 14 } : {}]}>
          <Text style={s.bold}>{a.title}</Text>
          {(a.signs ?? []).map((sign) => (
            <Text key={sign} style={s.redFlagSign}>{`\u2022 ${sign}`}</Text>
          ))}
          <Text style={s.redFlagText}>{a.text}</Text>
        </View>
      ))}
    </View>
  );
}

/** The printed address on one line: a short code address large, a long one smaller, never under 9 pt. */
function addressSize(address: string, width: number): number {
  const perPoint = textWidth(address, 700, 1);
  return Math.max(9, Math.min(18, Math.floor((width / perPoint) * 4) / 4));
}

function QrBox({ qr, link, contentWidth }: { qr: QrMatrix; link: HandoutProps["link"]; contentWidth: number }) {
  const modules = qr.size + 2 * QR_QUIET_ZONE;
  // The box's border and padding: 2 × (2 + 10) points.
  const size = addressSize(link.shortUrl, contentWidth - 24 - 2);
  return (
    <View style={s.qrBox} wrap={false}>
      <View style={s.qrRow}>
        <Svg width={QR_SIZE} height={QR_SIZE} viewBox={`0 0 ${modules} ${modules}`}>
          <Path d={qrPath(qr)} fill={INK} />
        </Svg>
        <View style={s.qrText}>
          <Text style={s.qrHeading}>Scan to follow along on your phone</Text>
          <Text>Point your phone&apos;s camera at the square: your exercises open with timers, and you can say how each session went.</Text>
          <Text style={s.qrLinkLabel}>Or type this address:</Text>
        </View>
      </View>
      {/* An address must be typed exactly: one line, never a hyphen. */}
      <Text style={[s.qrLink, { fontSize: size }]} hyphenationCallback={wholeWords}>
        {link.shortUrl}
      </Text>
    </View>
  );
}

/*
 * Page numbers come from a render prop, and react-pdf lays every page out a second time
 * once it knows the total, whatever the prop reads: "Page 2 of 7" costs the same as
 * "Page 2" (about a fifth more time for an 8-exercise handout).
 */
function Footer({ text, top, pageNumbers }: { text: string; top: number; pageNumbers: boolean }) {
  return (
    <View style={[s.footer, { top }]} fixed>
      <Text>{text}</Text>
      {pageNumbers ? (
        <Text render={({ pageNumber, totalPages }: { pageNumber: number; totalPages?: number }) => `Page ${pageNumber} of ${totalPages}`} />
      ) : null}
    </View>
  );
}

/**
 * The printed home-exercise handout: who it is for, what to do and how often, what to
 * watch for, where to follow along online, and a chart to tick.
 */
export function Handout({ programme, safety, link, qr, generatedOn, weeks, renderFigure, pageNumbers = true }: HandoutProps) {
  const size = PAGE_SIZES[programme.clinic.paperSize];
  const contentWidth = size.width - 2 * MARGIN_X;
  const contentHeight = size.height - MARGIN_TOP - MARGIN_BOTTOM;
  const given = parseCalendarDay(generatedOn);
  const chartStart = parseCalendarDay(programme.startDate) ?? given ?? new Date(0);
  const items = programme.items;
  return (
    <Document
      title={`${programme.title} – ${programme.patient.name}`}
      author={programme.clinic.name}
      creator="Homeplan"
      producer="Homeplan"
      language="en-GB"
    >
      {/* The newer paginator measures content once and packs it into pages; the default one
          lays out everything still to place again for every page (~40% slower here). */}
      <Page size={[size.width, size.height]} style={s.page} experimentalPagination>
        {/* Page chrome first: the paginator repeats a fixed node from where it enters the flow. */}
        <Footer text={`${programme.patient.name} · ${programme.title}`} top={size.height - FOOTER_FROM_BOTTOM} pageNumbers={pageNumbers} />
        <Header programme={programme} generatedOn={given} />
        {items.length > 0 ? <HowOften items={items} /> : null}
        <QrBox qr={qr} link={link} contentWidth={contentWidth} />
        <Safety safety={safety} programme={programme} />
        {items.map((item, i) => (
          <ExerciseBlock
            key={item.exerciseId + i}
            item={item}
            number={i + 1}
            clinicianName={programme.clinician.name}
            heading={i === 0 ? "Your exercises" : undefined}
            renderFigure={renderFigure}
            unbreakable={estimateExerciseHeight(item, contentWidth) < 0.8 * contentHeight}
          />
        ))}
        {items.length > 0 ? (
          <TrackingChart
            items={items}
            start={chartStart}
            weeks={weeks}
            contentWidth={contentWidth}
            heading={
              <>
                <Text style={[s.sectionHeading, { marginTop: 4 }]}>{`Tick chart for ${programme.patient.name}`}</Text>
                <Text style={s.chartIntro}>Tick a box each time you do an exercise, and bring this chart to your next appointment.</Text>
              </>
            }
          />
        ) : null}
      </Page>
    </Document>
  );
}

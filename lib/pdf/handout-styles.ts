import { StyleSheet } from "@react-pdf/renderer";
import { HANDOUT_FONT } from "./fonts";

/*
 * Sized for reading at arm's length and for black-and-white printers, yet compact enough
 * that a five-exercise programme and its chart fit three sheets: body text 11 pt and up,
 * small labels 10 pt, black ink for anything that matters and greys only for rules and
 * fills a photocopier keeps.
 */

export const PAGE_SIZES = { A4: { width: 595.28, height: 841.89 }, LETTER: { width: 612, height: 792 } } as const;
export const MARGIN_X = 40;
export const MARGIN_TOP = 34;
export const MARGIN_BOTTOM = 52;

/** The figure slot beside each exercise, in points; a figure renderer draws into exactly this box. */
export const FIGURE_WIDTH = 140;
export const FIGURE_HEIGHT = 105;
export const COLUMN_GAP = 14;

export const INK = "#000000";
export const SOFT_INK = "#333333";
export const RULE = "#8a8a8a";
export const FILL = "#ededed";

export const s = StyleSheet.create({
  page: {
    fontFamily: HANDOUT_FONT,
    fontSize: 11,
    lineHeight: 1.3,
    color: INK,
    paddingTop: MARGIN_TOP,
    paddingBottom: MARGIN_BOTTOM,
    paddingHorizontal: MARGIN_X,
  },
  bold: { fontWeight: 700 },

  header: {
    flexDirection: "row",
    justifyContent: "space-between",
    alignItems: "flex-end",
    borderBottomWidth: 2.5,
    borderBottomColor: INK,
    paddingBottom: 6,
  },
  clinicName: { fontSize: 15, lineHeight: 1.25, fontWeight: 700 },
  clinicLine: { fontSize: 11, lineHeight: 1.3, color: SOFT_INK },
  clinicPhone: { fontSize: 13, lineHeight: 1.3, fontWeight: 700, textAlign: "right" },

  patientName: { fontSize: 24, fontWeight: 700, lineHeight: 1.15, marginTop: 8 },
  programmeTitle: { fontSize: 15, lineHeight: 1.25, fontWeight: 700, marginTop: 2 },
  facts: { flexDirection: "row", marginTop: 3 },
  fact: { flexGrow: 1, flexBasis: 0, paddingRight: 8 },
  factValue: { fontSize: 11, lineHeight: 1.3 },

  noteBox: { marginTop: 6, borderWidth: 1.5, borderColor: INK, borderRadius: 6, paddingVertical: 5, paddingHorizontal: 10 },
  noteText: { fontSize: 11, lineHeight: 1.3 },

  sectionHeading: { fontSize: 15, lineHeight: 1.25, fontWeight: 700, marginTop: 10, marginBottom: 3 },
  oftenRow: { flexDirection: "row", borderTopWidth: 0.75, borderTopColor: RULE, paddingVertical: 3 },
  oftenWhen: { width: 170, fontSize: 11, lineHeight: 1.3, fontWeight: 700, paddingRight: 10 },
  oftenWhat: { flex: 1, fontSize: 11, lineHeight: 1.3 },

  exercise: { flexDirection: "row", marginTop: 8, paddingTop: 7, borderTopWidth: 1.5, borderTopColor: INK },
  exerciseFirst: { flexDirection: "row", paddingTop: 8, borderTopWidth: 1.5, borderTopColor: INK },
  left: { width: FIGURE_WIDTH, marginRight: COLUMN_GAP },
  right: { flex: 1 },
  figure: { width: FIGURE_WIDTH, height: FIGURE_HEIGHT },
  placeholder: {
    width: FIGURE_WIDTH,
    height: FIGURE_HEIGHT,
    borderWidth: 1,
    borderColor: RULE,
    borderRadius: 4,
    backgroundColor: "#f5f5f5",
    justifyContent: "center",
    alignItems: "center",
  },
  placeholderText: { fontSize: 11, lineHeight: 1.3, color: SOFT_INK, textAlign: "center", paddingHorizontal: 8 },
  doseLabel: { fontSize: 10, lineHeight: 1.3, fontWeight: 700, letterSpacing: 0.6, marginTop: 5, color: SOFT_INK },
  doseText: { fontSize: 11, lineHeight: 1.3, marginTop: 4 },
  dose: { marginTop: 3, fontSize: 11, lineHeight: 1.3 },

  nameRow: { flexDirection: "row", alignItems: "flex-start" },
  badge: { width: 20, height: 20, borderRadius: 10, backgroundColor: INK, marginRight: 7, marginTop: 0.5, justifyContent: "center" },
  badgeText: { color: "#ffffff", fontSize: 12, fontWeight: 700, textAlign: "center", lineHeight: 1 },
  exerciseName: { flex: 1, fontSize: 15, fontWeight: 700, lineHeight: 1.2 },
  purpose: { marginTop: 3, fontSize: 11, lineHeight: 1.2, color: SOFT_INK },
  steps: { marginTop: 3, fontSize: 11, lineHeight: 1.26 },
  // textIndent is not inherited, and a paragraph takes its indent from its first run: the number.
  stepNumber: { fontWeight: 700, fontFeatureSettings: { tnum: true } },
  clinicianNote: { marginTop: 5, borderLeftWidth: 3, borderLeftColor: INK, paddingLeft: 8, paddingVertical: 1 },
  caution: {
    marginTop: 4,
    borderWidth: 1,
    borderColor: INK,
    borderStyle: "dashed",
    borderRadius: 4,
    paddingVertical: 2,
    paddingHorizontal: 6,
  },

  safetyColumns: { flexDirection: "row", marginTop: 2 },
  safetyColumn: { flex: 1 },
  safetyItem: { marginTop: 3, fontSize: 11, lineHeight: 1.22 },
  redFlags: {
    flexDirection: "row",
    marginTop: 5,
    borderWidth: 1.5,
    borderColor: INK,
    borderRadius: 6,
    paddingVertical: 5,
    paddingHorizontal: 10,
    fontSize: 11,
    lineHeight: 1.22,
  },
  redFlagSign: { marginTop: 1 },
  redFlagText: { marginTop: 2 },
  callBox: { marginTop: 4, backgroundColor: FILL, borderRadius: 6, paddingVertical: 5, paddingHorizontal: 10 },

  overview: { flexDirection: "row", alignItems: "flex-start" },
  overviewMain: { flex: 1, marginRight: 14 },
  qrBox: { marginTop: 10, borderWidth: 2, borderColor: INK, borderRadius: 8, paddingVertical: 8, paddingHorizontal: 10 },
  qrRow: { flexDirection: "row", alignItems: "center" },
  qrText: { flex: 1, marginLeft: 12 },
  qrHeading: { fontSize: 15, lineHeight: 1.25, fontWeight: 700 },
  qrLinkLabel: { fontSize: 11, lineHeight: 1.3, marginTop: 3 },
  qrLink: { fontWeight: 700, lineHeight: 1.3 },

  chartIntro: { marginBottom: 0 },
  chartBlock: { marginTop: 6 },
  chartCaption: { fontSize: 11, lineHeight: 1.3, fontWeight: 700, marginBottom: 3 },
  chartHeadRow: { flexDirection: "row", alignItems: "flex-end", borderBottomWidth: 1.5, borderBottomColor: INK, paddingBottom: 3 },
  chartDay: { fontSize: 10, lineHeight: 1.15, textAlign: "center" },
  chartRow: { flexDirection: "row", alignItems: "center", borderBottomWidth: 0.75, borderBottomColor: RULE, minHeight: 22 },
  chartName: { fontSize: 11, lineHeight: 1.15, paddingVertical: 2, paddingRight: 6 },
  chartHint: { fontSize: 10, lineHeight: 1.2, color: SOFT_INK },

  footer: {
    position: "absolute",
    left: MARGIN_X,
    right: MARGIN_X,
    flexDirection: "row",
    justifyContent: "space-between",
    borderTopWidth: 0.75,
    borderTopColor: RULE,
    paddingTop: 5,
    fontSize: 10,
    lineHeight: 1.3,
    color: SOFT_INK,
  },
});

import { StyleSheet } from "@react-pdf/renderer";
import { HANDOUT_FONT } from "./fonts";

/*
 * Sized for reading at arm's length and for black-and-white printers: body text 12 pt,
 * nothing below 10 pt, black ink for anything that matters and greys only for rules and
 * fills a photocopier keeps.
 */

export const PAGE_SIZES = { A4: { width: 595.28, height: 841.89 }, LETTER: { width: 612, height: 792 } } as const;
export const MARGIN_X = 44;
export const MARGIN_TOP = 40;
export const MARGIN_BOTTOM = 58;

/** The figure slot beside each exercise, in points; a figure renderer draws into exactly this box. */
export const FIGURE_WIDTH = 156;
export const FIGURE_HEIGHT = 117;
export const COLUMN_GAP = 18;

export const INK = "#000000";
export const SOFT_INK = "#333333";
export const RULE = "#8a8a8a";
export const FILL = "#ededed";

export const s = StyleSheet.create({
  page: {
    fontFamily: HANDOUT_FONT,
    fontSize: 12,
    lineHeight: 1.35,
    color: INK,
    paddingTop: MARGIN_TOP,
    paddingBottom: MARGIN_BOTTOM,
    paddingHorizontal: MARGIN_X,
  },
  bold: { fontWeight: 700 },

  header: { flexDirection: "row", justifyContent: "space-between", alignItems: "flex-end", borderBottomWidth: 2.5, borderBottomColor: INK, paddingBottom: 8 },
  clinicName: { fontSize: 16, lineHeight: 1.25, fontWeight: 700 },
  clinicLine: { fontSize: 11, lineHeight: 1.3, color: SOFT_INK },
  clinicPhone: { fontSize: 13, lineHeight: 1.3, fontWeight: 700, textAlign: "right" },

  forLabel: { fontSize: 12, lineHeight: 1.3, marginTop: 12, color: SOFT_INK },
  patientName: { fontSize: 26, fontWeight: 700, lineHeight: 1.15 },
  programmeTitle: { fontSize: 17, lineHeight: 1.25, fontWeight: 700, marginTop: 4 },
  facts: { flexDirection: "row", marginTop: 4 },
  fact: { flexGrow: 1, flexBasis: 0, paddingRight: 8 },
  factValue: { fontSize: 12, lineHeight: 1.3 },

  noteBox: { marginTop: 12, borderWidth: 1.5, borderColor: INK, borderRadius: 6, paddingVertical: 8, paddingHorizontal: 12 },
  noteText: { fontSize: 12.5, lineHeight: 1.4 },

  sectionHeading: { fontSize: 18, lineHeight: 1.25, fontWeight: 700, marginTop: 16, marginBottom: 6 },
  oftenRow: { flexDirection: "row", borderTopWidth: 0.75, borderTopColor: RULE, paddingVertical: 4 },
  oftenWhen: { width: 190, fontSize: 12, lineHeight: 1.35, fontWeight: 700, paddingRight: 10 },
  oftenWhat: { flex: 1, fontSize: 12, lineHeight: 1.35 },

  exercise: { flexDirection: "row", marginTop: 14, paddingTop: 11, borderTopWidth: 1.5, borderTopColor: INK },
  exerciseFirst: { flexDirection: "row", paddingTop: 10, borderTopWidth: 1.5, borderTopColor: INK },
  left: { width: FIGURE_WIDTH, marginRight: COLUMN_GAP },
  right: { flex: 1 },
  figure: { width: FIGURE_WIDTH, height: FIGURE_HEIGHT },
  placeholder: { width: FIGURE_WIDTH, height: FIGURE_HEIGHT, borderWidth: 1, borderColor: RULE, borderRadius: 4, backgroundColor: "#f5f5f5", justifyContent: "center", alignItems: "center" },
  placeholderText: { fontSize: 11, lineHeight: 1.3, color: SOFT_INK, textAlign: "center", paddingHorizontal: 8 },
  doseLabel: { fontSize: 10, lineHeight: 1.3, fontWeight: 700, letterSpacing: 0.6, marginTop: 8, color: SOFT_INK },
  doseText: { fontSize: 12, lineHeight: 1.3 },

  nameRow: { flexDirection: "row", alignItems: "flex-start" },
  badge: { width: 24, height: 24, borderRadius: 12, backgroundColor: INK, marginRight: 8, marginTop: 1, justifyContent: "center" },
  badgeText: { color: "#ffffff", fontSize: 13, fontWeight: 700, textAlign: "center", lineHeight: 1 },
  exerciseName: { flex: 1, fontSize: 18, fontWeight: 700, lineHeight: 1.2 },
  purpose: { marginTop: 3, fontSize: 12, lineHeight: 1.3, color: SOFT_INK },
  steps: { marginTop: 7, fontSize: 12, lineHeight: 1.4 },
  // textIndent is not inherited, and a paragraph takes its indent from its first run: the number.
  stepNumber: { fontWeight: 700, fontFeatureSettings: { tnum: true } },
  clinicianNote: { marginTop: 8, borderLeftWidth: 3, borderLeftColor: INK, paddingLeft: 8, paddingVertical: 2 },
  caution: { marginTop: 8, borderWidth: 1, borderColor: INK, borderStyle: "dashed", borderRadius: 4, paddingVertical: 4, paddingHorizontal: 8 },

  safetyItem: { marginTop: 6 },
  callBox: { marginTop: 10, backgroundColor: FILL, borderRadius: 6, paddingVertical: 8, paddingHorizontal: 12 },

  qrBox: { flexDirection: "row", alignItems: "center", marginTop: 20, borderWidth: 2, borderColor: INK, borderRadius: 8, padding: 12 },
  qrText: { flex: 1, marginLeft: 16 },
  qrHeading: { fontSize: 18, lineHeight: 1.25, fontWeight: 700 },
  qrLink: { fontSize: 16, lineHeight: 1.3, fontWeight: 700, marginTop: 6 },
  // 43 characters must fit one line of the narrowest column (A4).
  qrToken: { fontSize: 12, lineHeight: 1.3, fontWeight: 700, letterSpacing: 0.2 },

  chartIntro: { marginBottom: 4 },
  chartBlock: { marginTop: 14 },
  chartCaption: { fontSize: 12, lineHeight: 1.3, fontWeight: 700, marginBottom: 4 },
  chartHeadRow: { flexDirection: "row", alignItems: "flex-end", borderBottomWidth: 1.5, borderBottomColor: INK, paddingBottom: 3 },
  chartDay: { fontSize: 10, lineHeight: 1.15, textAlign: "center" },
  chartRow: { flexDirection: "row", alignItems: "center", borderBottomWidth: 0.75, borderBottomColor: RULE, minHeight: 30 },
  chartName: { fontSize: 11, lineHeight: 1.2, paddingVertical: 3, paddingRight: 6 },
  chartHint: { fontSize: 10, lineHeight: 1.2, color: SOFT_INK },

  footer: { position: "absolute", left: MARGIN_X, right: MARGIN_X, flexDirection: "row", justifyContent: "space-between", borderTopWidth: 0.75, borderTopColor: RULE, paddingTop: 5, fontSize: 10, lineHeight: 1.3, color: SOFT_INK },
});

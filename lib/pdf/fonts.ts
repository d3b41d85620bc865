import path from "node:path";
import { Font } from "@react-pdf/renderer";

export const HANDOUT_FONT = "Atkinson Hyperlegible";

const FONT_DIR = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "atkinson-hyperlegible");
const WEIGHTS = [400, 700] as const;

let registered = false;
let ready: Promise<void> | null = null;
const loaded = new Map<number, Shaper>();

/*
 * TTF, not WOFF: fontkit re-inflates WOFF tables on every glyph lookup, which measured
 * about 80 ms slower per handout. Registered once per process; react-pdf keeps the
 * parsed font between renders, and embeds only the glyphs a handout uses.
 */
function registerHandoutFonts(): void {
  if (registered) return;
  Font.register({
    family: HANDOUT_FONT,
    fonts: [
      { src: path.join(FONT_DIR, "400Regular", "AtkinsonHyperlegible_400Regular.ttf"), fontWeight: 400 },
      { src: path.join(FONT_DIR, "700Bold", "AtkinsonHyperlegible_700Bold.ttf"), fontWeight: 700 },
    ],
  });
  registered = true;
}

/** The parts of a fontkit font used here: shaping, and plain advance widths for alignment. */
type Shaper = {
  layout: (text: string, ...rest: unknown[]) => ShapedRun;
  glyphsForString: (text: string) => { advanceWidth: number }[];
  unitsPerEm: number;
};
type ShapedRun = { glyphs: unknown[]; positions: object[] };

/** Strings shaped per font before the oldest are forgotten; a handout uses ~150–300. */
const MEMO_LIMIT = 3000;
let memoEnabled = true;

/*
 * Shaping (OpenType kerning and substitution in fontkit) is the largest single cost of
 * a handout, and the same strings come back again and again: catalogue steps, purposes,
 * cautions, safety advice, labels. Shaping is a pure function of font, string and
 * options, so each result is kept and handed out as a fresh copy, leaving the caller
 * free to change what it receives.
 */
function memoiseShaping(font: Shaper): void {
  const shape = font.layout.bind(font);
  const memo = new Map<string, ShapedRun>();
  font.layout = (text: string, ...rest: unknown[]) => {
    if (!memoEnabled) return shape(text, ...rest);
    const key = `${JSON.stringify(rest)}\u0000${text}`;
    let run = memo.get(key);
    if (!run) {
      run = shape(text, ...rest);
      if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
      memo.set(key, run);
    }
    const copy = Object.create(Object.getPrototypeOf(run)) as ShapedRun;
    return Object.assign(copy, run, { glyphs: run.glyphs.slice(), positions: run.positions.map((p) => ({ ...p })) });
  };
}

/*
 * fontkit re-reads unitsPerEm from the font's head table through two getters on every
 * access, and textkit and pdfkit ask for it for every glyph (~3% of a handout's time).
 * A font file never changes, so the value is pinned on the object.
 */
function pinUnitsPerEm(font: Shaper): void {
  Object.defineProperty(font, "unitsPerEm", { value: font.unitsPerEm, writable: false, configurable: true });
}

/** Registers, parses and prepares the handout fonts once; later calls return at once. */
export function loadHandoutFonts(): Promise<void> {
  registerHandoutFonts();
  ready ??= Promise.all(
    WEIGHTS.map(async (fontWeight) => {
      await Font.load({ fontFamily: HANDOUT_FONT, fontWeight });
      const source = Font.getFont({ fontFamily: HANDOUT_FONT, fontWeight }) as unknown as { data: Shaper | null };
      if (source.data && typeof source.data.layout === "function") {
        memoiseShaping(source.data);
        pinUnitsPerEm(source.data);
        loaded.set(fontWeight, source.data);
      }
    }),
  ).then(
    () => undefined,
    (error: unknown) => {
      ready = null;
      throw error;
    },
  );
  return ready;
}

/**
 * A hyphenation callback that never splits a word, for text whose every word fits its box
 * (addresses, dates, a short line): react-pdf would otherwise break "Decem-ber". Never for
 * free text, where a word wider than the box would be cut off instead.
 */
export const wholeWords = (word: string): string[] => [word];

/**
 * Width of a short label in points, without kerning; an estimate before the fonts are
 * loaded. Used to line up hanging indents exactly.
 */
export function textWidth(text: string, fontWeight: 400 | 700, fontSize: number, features?: Record<string, boolean>): number {
  const font = loaded.get(fontWeight);
  if (!font) return text.length * fontSize * 0.6;
  const units = features
    ? font.layout(text, features).positions.reduce((sum, position) => sum + (position as { xAdvance: number }).xAdvance, 0)
    : font.glyphsForString(text).reduce((sum, glyph) => sum + glyph.advanceWidth, 0);
  return (units / font.unitsPerEm) * fontSize;
}

/** For benchmarks: measure renders with shaping done afresh every time. */
export function setShapingMemo(enabled: boolean): void {
  memoEnabled = enabled;
}

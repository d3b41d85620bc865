/*
 * Exercise names for the 10,000-exercise search benchmark that read like a real
 * catalogue: a few hundred distinct words (body parts, movements, positions, equipment,
 * variations) put together the way physiotherapy catalogues name things ("Side-lying
 * hip abduction with band", "Seated hamstring stretch on chair"), each name unique. A
 * benchmark on names made of 20 recombined words measures a catalogue no clinic has.
 * Editorial: the word lists are made up for the benchmark, not taken from a source.
 */
const POSITIONS = [
  "supine",
  "prone",
  "side-lying",
  "seated",
  "standing",
  "kneeling",
  "half-kneeling",
  "quadruped",
  "tall-kneeling",
  "long-sitting",
  "crook-lying",
  "wall-supported",
  "split-stance",
  "single-leg",
  "step-standing",
  "lunge-position",
];
const PARTS = [
  "hip",
  "knee",
  "ankle",
  "shoulder",
  "elbow",
  "wrist",
  "neck",
  "thoracic",
  "lumbar",
  "pelvic",
  "hamstring",
  "calf",
  "quadriceps",
  "gluteal",
  "adductor",
  "abductor",
  "scapular",
  "rotator cuff",
  "trunk",
  "core",
  "spinal",
  "toe",
  "finger",
  "thumb",
  "forearm",
  "biceps",
  "triceps",
  "pectoral",
  "latissimus",
  "piriformis",
  "iliopsoas",
  "soleus",
  "tibialis",
  "peroneal",
  "plantar fascia",
  "achilles",
  "jaw",
  "cervical",
  "rib",
  "diaphragm",
  "pelvic floor",
  "deltoid",
  "trapezius",
  "rhomboid",
  "oblique",
  "abdominal",
  "hip flexor",
  "groin",
  "heel",
  "arch",
  "midfoot",
  "patellar",
  "sacroiliac",
  "coccyx",
];
const MOVES = [
  "abduction",
  "adduction",
  "flexion",
  "extension",
  "rotation",
  "circles",
  "glides",
  "slides",
  "raises",
  "lifts",
  "curls",
  "presses",
  "rows",
  "pulls",
  "pushes",
  "squeezes",
  "holds",
  "stretch",
  "mobilisation",
  "release",
  "bridge",
  "clam",
  "lunge",
  "squat",
  "step-up",
  "step-down",
  "hinge",
  "reach",
  "march",
  "kick",
  "tilt",
  "twist",
  "retraction",
  "protraction",
  "depression",
  "elevation",
  "setting",
  "activation",
  "isometric",
  "eccentric",
  "pendulum",
  "walk-outs",
  "dead bug",
  "bird dog",
  "plank",
  "side plank",
  "wall sit",
  "heel drop",
  "toe tap",
  "hop",
  "balance",
  "shuffle",
  "crawl",
  "roll-down",
  "nerve floss",
  "pumps",
  "tapping",
  "scoops",
  "windmill",
  "snow angel",
  "thread the needle",
  "open book",
  "cat-camel",
  "press-up",
  "chin tuck",
];
const WITH = [
  "",
  "",
  "",
  "",
  "with band",
  "with ball",
  "with towel",
  "on chair",
  "on step",
  "on wall",
  "with dumbbell",
  "with kettlebell",
  "on foam roller",
  "on wobble board",
  "with pillow",
  "with strap",
  "on bench",
  "with cane",
  "with cuff weight",
  "on Swiss ball",
  "with overpressure",
  "with breathing",
  "to table",
  "at doorway",
];
const VARIANTS = [
  "",
  "",
  "",
  "",
  "slow",
  "assisted",
  "resisted",
  "active",
  "passive",
  "progressive",
  "alternating",
  "bilateral",
  "unilateral",
  "end-range",
  "short-lever",
  "long-lever",
  "pulsed",
  "sustained",
  "dynamic",
  "gentle",
];

/** mulberry32: 32-bit state in integer arithmetic, so it does not fall into a short cycle. */
export function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** `count` distinct names, the same on every run. */
export function catalogueNames(count: number, seed = 42): string[] {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const names = new Set<string>();
  while (names.size < count) {
    // About a third without a position, as many catalogue names have none.
    const position = r() < 0.35 ? "" : pick(POSITIONS);
    const words = [pick(VARIANTS), position, pick(PARTS), pick(MOVES), pick(WITH)].filter(Boolean);
    names.add(capital(words.join(" ")));
  }
  return [...names];
}

export const NAME_WORDS = { POSITIONS, PARTS, MOVES, WITH, VARIANTS };

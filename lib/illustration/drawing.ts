import { bodyCapsules, solvePoseSet, type Skeleton, type Vec3 } from "./kinematics";
import type { Arrow, Pose, PoseSet } from "./pose-schema";
import {
  COLOURS,
  depthOf,
  FIGURE_HEIGHT,
  FIGURE_WIDTH,
  FLOOR_Y,
  pathThrough,
  planeOf,
  projector,
  r1,
  toBox,
  type Drawing,
  type Framing,
  type Point,
  type Primitive,
} from "./primitives";
import { arrowLine, chairShape, drawArrow, drawBetweenKnees, drawChair, drawGround } from "./scenery";
import { LENGTHS, RADII } from "./skeleton";

export { COLOURS, FIGURE_HEIGHT, FIGURE_WIDTH, type Drawing, type Framing, type Primitive } from "./primitives";

/** A white outline that separates a limb from what is behind it. */
const HALO = 2.2;
/** Small figures (someone sitting, kneeling) are drawn larger to fill the box, up to this zoom. */
const MAX_SCALE = 1.4;
const MARGIN = 10;

/** Frames a set from its solved key poses (and their arrows) so every pose fits and stays put. */
export function frameSet(set: PoseSet, skeletons: Skeleton[] = solvePoseSet(set)): Framing {
  const plane = planeOf(set.view);
  let [uMin, uMax, vMin, vMax] = [Infinity, -Infinity, Infinity, -Infinity];
  const include = ([u, v]: Point, r = 0) => {
    uMin = Math.min(uMin, u - r);
    uMax = Math.max(uMax, u + r);
    vMin = Math.min(vMin, v - r);
    vMax = Math.max(vMax, v + r);
  };
  skeletons.forEach((s, i) => {
    for (const c of bodyCapsules(s)) for (const p of [c.a, c.b]) include(plane(p), c.r);
    // Arrow heads and their white edge reach a little past the line.
    for (const arrow of set.poses[i]!.arrows) for (const p of arrowLine(arrow, s, set)) include(p, 6);
  });
  if (set.props.includes("chair") && skeletons[0])
    for (const [a, b] of chairShape(skeletons[0]).lines) [a, b].forEach((p) => include(plane(p), 2));

  const width = FIGURE_WIDTH - 2 * MARGIN;
  const scale =
    set.view === "top"
      ? Math.min(MAX_SCALE, width / (uMax - uMin), (FIGURE_HEIGHT - 2 * MARGIN) / (vMax - vMin))
      : Math.min(MAX_SCALE, width / (uMax - uMin), (FLOOR_Y - MARGIN) / vMax);
  const framing: Framing = {
    view: set.view,
    scale,
    centreU: (uMin + uMax) / 2,
    centreV: (vMin + vMax) / 2,
    left: Infinity,
    right: -Infinity,
    top: Infinity,
    bottom: -Infinity,
    props: set.props,
    furniture: [],
  };
  const box = toBox(framing);
  for (const s of skeletons) {
    for (const c of bodyCapsules(s)) {
      for (const p of [c.a, c.b]) {
        const [x, y] = box(plane(p));
        const r = c.r * scale;
        framing.left = Math.min(framing.left, x - r);
        framing.right = Math.max(framing.right, x + r);
        framing.top = Math.min(framing.top, y - r);
        framing.bottom = Math.max(framing.bottom, y + r);
      }
    }
  }
  if (set.props.includes("chair") && skeletons[0]) framing.furniture = drawChair(skeletons[0], framing);
  return framing;
}

type Stroke = { points: Point[]; width: number };
type Group = { depth: number; far: boolean; strokes: Stroke[]; halo: boolean; hull?: Point[]; nose?: { at: Point; r: number } };

function strokePrimitive(s: Stroke, colour: string, extra = 0): Primitive {
  const width = r1(s.width + extra);
  if (s.points.length === 1) {
    const [[cx, cy]] = s.points as [Point];
    return { type: "circle", cx: r1(cx), cy: r1(cy), r: r1(width / 2), fill: colour };
  }
  if (s.points.length === 2) {
    const [[x1, y1], [x2, y2]] = s.points as [Point, Point];
    return { type: "line", x1: r1(x1), y1: r1(y1), x2: r1(x2), y2: r1(y2), stroke: colour, strokeWidth: width, strokeLinecap: "round" };
  }
  return {
    type: "path",
    d: pathThrough(s.points),
    stroke: colour,
    strokeWidth: width,
    strokeLinecap: "round",
    strokeLinejoin: "round",
    fill: "none",
  };
}

const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const scaled = (a: Vec3, k: number): Vec3 => [a[0] * k, a[1] * k, a[2] * k];
const unit = (v: Vec3): Vec3 => scaled(v, 1 / (Math.hypot(v[0], v[1], v[2]) || 1));

/** The figure as primitives, back to front, with limbs on the far side in grey. */
function drawSkeleton(s: Skeleton, framing: Framing, offsetX = 0): Primitive[] {
  const project = projector(framing, offsetX);
  const depth = depthOf(framing.view);
  const k = framing.scale;
  const j = s.joints;
  const seg = (a: Vec3, b: Vec3, r: number): Stroke => ({ points: [project(a), project(b)], width: 2 * r * k });
  const dot = (a: Vec3, r: number): Stroke => ({ points: [project(a)], width: 2 * r * k });
  const mean = (...ps: Vec3[]) => ps.reduce((sum, p) => sum + depth(p), 0) / ps.length;

  // Shoulders, waist and hips as one filled outline: broad from the front or above, and
  // a line hidden inside the trunk from the side.
  const across = unit(add(sub(j.shoulderNear, j.shoulderFar), sub(j.hipNear, j.hipFar)));
  const waistWidth = LENGTHS.hipHalfWidth + 3;
  const hull = [
    j.shoulderNear,
    add(j.waist, scaled(across, waistWidth)),
    j.hipNear,
    j.hipFar,
    add(j.waist, scaled(across, -waistWidth)),
    j.shoulderFar,
  ].map(project);
  const torso: Group = {
    depth: mean(j.pelvis, j.waist, j.neck),
    far: false,
    halo: true,
    hull,
    strokes: [
      seg(j.hipNear, j.hipFar, RADII.hipBar),
      seg(j.shoulderNear, j.shoulderFar, RADII.shoulderBar),
      { points: s.spine.map(project), width: 2 * RADII.trunk * k },
    ],
  };
  // The head sits over an arm it rests on; only a limb clearly nearer the viewer covers it.
  const head: Group = { depth: torso.depth + 3, far: false, halo: true, strokes: [dot(j.head, RADII.head)] };
  if (framing.view === "side") {
    // A small nose says which way the face points (up, down, looking at the floor).
    const centre = project(j.head);
    const facing = project(add(j.head, s.face));
    const [fx, fy] = [facing[0] - centre[0], facing[1] - centre[1]];
    const inPlane = Math.hypot(fx, fy);
    if (inPlane > 0.45 * k) {
      const reach = (RADII.head - 0.5) * k;
      head.nose = { at: [centre[0] + (fx / inPlane) * reach, centre[1] + (fy / inPlane) * reach], r: 2.6 * k };
    }
  }
  const groups: Group[] = [torso, head];
  for (const side of ["Near", "Far"] as const) {
    const arm = [
      seg(j[`shoulder${side}`], j[`elbow${side}`], RADII.upperArm),
      seg(j[`elbow${side}`], j[`hand${side}`], RADII.forearm),
      dot(j[`hand${side}`], RADII.hand),
    ];
    const leg = [
      seg(j[`hip${side}`], j[`knee${side}`], RADII.thigh),
      seg(j[`knee${side}`], j[`ankle${side}`], RADII.shin),
      { points: [project(j[`ankle${side}`]), project(j[`heel${side}`]), project(j[`toe${side}`])], width: 2 * RADII.foot * k },
    ];
    const armDepth = mean(j[`shoulder${side}`], j[`elbow${side}`], j[`hand${side}`]);
    const legDepth = mean(j[`hip${side}`], j[`knee${side}`], j[`ankle${side}`]);
    // Only the side view has a far side; from above every limb is in plain sight.
    const behind = (d: number) => framing.view === "side" && d < torso.depth - 6;
    groups.push({ depth: armDepth, far: behind(armDepth), halo: true, strokes: arm });
    groups.push({ depth: legDepth, far: behind(legDepth), halo: true, strokes: leg });
  }

  const layers = groups.map((g) => {
    const colour = g.far ? COLOURS.far : COLOURS.ink;
    const edge = 2 * HALO * k;
    const primitives: Primitive[] = [];
    if (g.hull)
      primitives.push({
        type: "path",
        d: pathThrough(g.hull, true),
        fill: COLOURS.paper,
        stroke: COLOURS.paper,
        strokeWidth: r1(2 * RADII.shoulderBar * k + edge),
        strokeLinejoin: "round",
      });
    if (g.halo) primitives.push(...g.strokes.map((h) => strokePrimitive(h, COLOURS.paper, edge)));
    // The neck joins head and trunk over the head's white edge.
    if (g === head) primitives.push(strokePrimitive(seg(j.neck, j.head, RADII.neck), colour));
    if (g.hull)
      primitives.push({
        type: "path",
        d: pathThrough(g.hull, true),
        fill: colour,
        stroke: colour,
        strokeWidth: r1(2 * RADII.shoulderBar * k),
        strokeLinejoin: "round",
      });
    primitives.push(...g.strokes.map((i) => strokePrimitive(i, colour)));
    if (g.nose) primitives.push({ type: "circle", cx: r1(g.nose.at[0]), cy: r1(g.nose.at[1]), r: r1(g.nose.r), fill: colour });
    return { depth: g.depth, primitives };
  });
  const between = drawBetweenKnees(s, framing, offsetX, depth);
  if (between) layers.push(between);
  // A stable sort: equal depths keep torso, head, near, far order.
  return layers.sort((a, b) => a.depth - b.depth).flatMap((l) => l.primitives);
}

export type DrawOptions = { arrows?: Arrow[]; offsetX?: number; background?: boolean };

/** Everything in one figure box: paper, floor or mat, furniture, the body, arrows. */
export function drawFigure(s: Skeleton, framing: Framing, options: DrawOptions = {}): Primitive[] {
  const offsetX = options.offsetX ?? 0;
  const out: Primitive[] = [];
  if (options.background ?? true)
    out.push({ type: "rect", x: offsetX, y: 0, width: FIGURE_WIDTH, height: FIGURE_HEIGHT, fill: COLOURS.paper });
  out.push(...drawGround(framing, offsetX));
  out.push(...framing.furniture.map((p) => shiftX(p, offsetX)));
  out.push(...drawSkeleton(s, framing, offsetX));
  for (const arrow of options.arrows ?? []) out.push(...drawArrow(arrow, s, framing, offsetX));
  return out;
}

function shiftX(p: Primitive, dx: number): Primitive {
  if (dx === 0) return p;
  switch (p.type) {
    case "line":
      return { ...p, x1: r1(p.x1 + dx), x2: r1(p.x2 + dx) };
    case "circle":
      return { ...p, cx: r1(p.cx + dx) };
    case "rect":
      return { ...p, x: r1(p.x + dx) };
    case "path":
      return { ...p, d: p.d.replace(/([ML])(-?[\d.]+) /g, (_, cmd: string, x: string) => `${cmd}${r1(Number(x) + dx)} `) };
  }
}

export type PoseChoice = number | "start" | "end" | "hold";

/** The poses shown as stills, in order (in-between animation poses left out). */
export function keyPoses(set: PoseSet): Pose[] {
  return set.poses.filter((p) => p.still);
}

/** Which key pose stands for the exercise on its own: where the hold happens. Indexes keyPoses(). */
export function poseIndex(set: PoseSet, choice: PoseChoice = "hold"): number {
  const stills = keyPoses(set);
  const last = stills.length - 1;
  if (choice === "start") return 0;
  if (choice === "end") return last;
  if (choice === "hold") {
    const held = stills.findIndex((p) => p.hold);
    return held >= 0 ? held : last;
  }
  return Math.max(0, Math.min(last, Math.trunc(choice)));
}

/** Every key pose as its own still drawing, with its arrows, framed alike (in keyPoses() order). */
export function drawKeyPoses(set: PoseSet, options: { arrows?: boolean } = {}): Drawing[] {
  const skeletons = solvePoseSet(set);
  const framing = frameSet(set, skeletons);
  return set.poses.flatMap((pose, i) =>
    pose.still
      ? [
          {
            width: FIGURE_WIDTH,
            height: FIGURE_HEIGHT,
            primitives: drawFigure(skeletons[i]!, framing, { arrows: options.arrows === false ? [] : pose.arrows }),
          },
        ]
      : [],
  );
}

/** One key pose, still, with its arrows. */
export function drawPose(set: PoseSet, choice: PoseChoice = "hold", options: { arrows?: boolean } = {}): Drawing {
  return drawKeyPoses(set, options)[poseIndex(set, choice)]!;
}

/** Every key pose side by side in one drawing (one <Svg> in a PDF is cheaper than several). */
export function drawPoseStrip(set: PoseSet, options: { arrows?: boolean; gap?: number } = {}): Drawing {
  const skeletons = solvePoseSet(set);
  const framing = frameSet(set, skeletons);
  const gap = options.gap ?? 12;
  const shown = set.poses.flatMap((pose, i) => (pose.still ? [{ pose, skeleton: skeletons[i]! }] : []));
  const primitives = shown.flatMap(({ pose, skeleton }, i) =>
    drawFigure(skeleton, framing, { offsetX: i * (FIGURE_WIDTH + gap), arrows: options.arrows === false ? [] : pose.arrows }),
  );
  return { width: shown.length * FIGURE_WIDTH + (shown.length - 1) * gap, height: FIGURE_HEIGHT, primitives };
}

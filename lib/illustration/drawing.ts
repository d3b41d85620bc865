import { bodyCapsules, solvePoseSet, type Skeleton, type Vec3 } from "./kinematics";
import type { Arrow, PoseSet, PropName, View } from "./pose-schema";
import { LENGTHS, RADII } from "./skeleton";

/**
 * Geometry to a neutral list of drawing primitives. The web (inline SVG) and the PDF
 * (@react-pdf Svg) both render exactly this list through ./elements, so they cannot
 * drift apart. Attribute names are the ones both React DOM and react-pdf accept.
 */
export type Primitive =
  | ({ type: "line"; x1: number; y1: number; x2: number; y2: number } & Paint)
  | ({ type: "circle"; cx: number; cy: number; r: number } & Paint)
  | ({ type: "path"; d: string } & Paint)
  | ({ type: "rect"; x: number; y: number; width: number; height: number; rx?: number } & Paint);

type Paint = {
  stroke?: string;
  strokeWidth?: number;
  strokeLinecap?: "round" | "butt";
  strokeLinejoin?: "round" | "miter";
  fill?: string;
};

export type Drawing = { width: number; height: number; primitives: Primitive[] };

/** One figure's box. Every exercise uses the same box and scale (1 cm = 1 unit). */
export const FIGURE_WIDTH = 240;
export const FIGURE_HEIGHT = 150;
/** The surface the body rests on, in the side view. */
const FLOOR_Y = 136;
const MAT_THICKNESS = 3.5;
/** A white outline that separates a limb from what is behind it. */
const HALO = 2.2;

/** Black-and-white friendly: ink for the body, a mid grey for far limbs, teal only for arrows and the mat. */
export const COLOURS = {
  ink: "#1c2523",
  far: "#8f9c98",
  paper: "#ffffff",
  floor: "#7d8b87",
  mat: "#d5f1ec",
  furniture: "#5f6d69",
  furnitureFill: "#eef2f1",
  accent: "#0f6d64",
} as const;

const r1 = (v: number) => Math.round(v * 10) / 10;

/** Where a set is placed in its box: the same for every pose and every frame of it. */
export type Framing = {
  view: View;
  centreX: number;
  centreZ: number;
  /** Horizontal extent of the body over all key poses, in drawing units (for the mat). */
  left: number;
  right: number;
  top: number;
  bottom: number;
  props: PropName[];
  /** Furniture drawn behind the figure, fixed at the first pose. */
  furniture: Primitive[];
};

type Point = [number, number];

/**
 * The "top" view looks down from above the feet side at 35 degrees from vertical, so a
 * knee pointing at the ceiling still reads as a raised knee and a lying figure as lying.
 */
const TOP_TILT = (35 * Math.PI) / 180;
const TOP_COS = Math.cos(TOP_TILT);
const TOP_SIN = Math.sin(TOP_TILT);

function projector(framing: Pick<Framing, "view" | "centreX" | "centreZ">, offsetX = 0) {
  return framing.view === "top"
    ? (p: Vec3): Point => [offsetX + FIGURE_WIDTH / 2 + (p[0] - framing.centreX), FIGURE_HEIGHT / 2 + (p[2] - framing.centreZ) * TOP_COS - p[1] * TOP_SIN]
    : (p: Vec3): Point => [offsetX + FIGURE_WIDTH / 2 + (p[0] - framing.centreX), FLOOR_Y - p[1]];
}
/** Towards the viewer: later in the drawing order. */
const depthOf = (view: View) => (view === "top" ? (p: Vec3) => p[1] * TOP_COS + p[2] * TOP_SIN : (p: Vec3) => p[2]);

/** Frames a set from its solved key poses so that every pose fits and stays put. */
export function frameSet(set: PoseSet, skeletons: Skeleton[] = solvePoseSet(set)): Framing {
  let minX = Infinity;
  let maxX = -Infinity;
  let minZ = Infinity;
  let maxZ = -Infinity;
  for (const s of skeletons) {
    for (const c of bodyCapsules(s)) {
      for (const p of [c.a, c.b]) {
        minX = Math.min(minX, p[0] - c.r);
        maxX = Math.max(maxX, p[0] + c.r);
        minZ = Math.min(minZ, p[2] - c.r);
        maxZ = Math.max(maxZ, p[2] + c.r);
      }
    }
  }
  const base = { view: set.view, centreX: (minX + maxX) / 2, centreZ: (minZ + maxZ) / 2 };
  const project = projector(base);
  let left = Infinity;
  let right = -Infinity;
  let top = Infinity;
  let bottom = -Infinity;
  for (const s of skeletons) {
    for (const c of bodyCapsules(s)) {
      for (const p of [c.a, c.b]) {
        const [x, y] = project(p);
        left = Math.min(left, x - c.r);
        right = Math.max(right, x + c.r);
        top = Math.min(top, y - c.r);
        bottom = Math.max(bottom, y + c.r);
      }
    }
  }
  // From above, centre the drawing on what is drawn rather than on the floor plan.
  if (set.view === "top") base.centreZ += (top + bottom - FIGURE_HEIGHT) / 2 / TOP_COS;
  const shiftY = set.view === "top" ? FIGURE_HEIGHT / 2 - (top + bottom) / 2 : 0;
  top += shiftY;
  bottom += shiftY;
  const framing: Framing = { ...base, left, right, top, bottom, props: set.props, furniture: [] };
  if (set.props.includes("chair") && skeletons[0]) framing.furniture = drawChair(skeletons[0], framing);
  return framing;
}

type Stroke = { points: Point[]; width: number };
type Group = { depth: number; far: boolean; halo: Stroke[]; ink: Stroke[]; hull?: Point[]; circles?: { at: Point; r: number }[] };

const add3 = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const sub3 = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const scale3 = (a: Vec3, k: number): Vec3 => [a[0] * k, a[1] * k, a[2] * k];

function hullPrimitive(points: Point[], colour: string, width: number): Primitive {
  const d = `${points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${r1(x)} ${r1(y)}`).join("")}Z`;
  return { type: "path", d, fill: colour, stroke: colour, strokeWidth: width, strokeLinejoin: "round" };
}

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
  const d = s.points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${r1(x)} ${r1(y)}`).join("");
  return { type: "path", d, stroke: colour, strokeWidth: width, strokeLinecap: "round", strokeLinejoin: "round", fill: "none" };
}

/** The figure as primitives, back to front, with far limbs in grey. */
export function drawSkeleton(s: Skeleton, framing: Framing, offsetX = 0): Primitive[] {
  const project = projector(framing, offsetX);
  const depth = depthOf(framing.view);
  const j = s.joints;
  const seg = (a: Vec3, b: Vec3, r: number): Stroke => ({ points: [project(a), project(b)], width: 2 * r });
  const mean = (...ps: Vec3[]) => ps.reduce((sum, p) => sum + depth(p), 0) / ps.length;

  // Shoulders, waist and hips as one filled outline: broad from the front or above,
  // and a line hidden inside the trunk from the side.
  const across = norm(add3(sub3(j.shoulderNear, j.shoulderFar), sub3(j.hipNear, j.hipFar)));
  const waistNear = add3(j.waist, scale3(across, LENGTHS.hipHalfWidth + 3));
  const waistFar = add3(j.waist, scale3(across, -(LENGTHS.hipHalfWidth + 3)));
  const hull = [j.shoulderNear, waistNear, j.hipNear, j.hipFar, waistFar, j.shoulderFar].map(project);
  const torso: Group = {
    depth: mean(j.pelvis, j.waist, j.neck),
    far: false,
    halo: [],
    hull,
    ink: [
      seg(j.hipNear, j.hipFar, RADII.hipBar),
      seg(j.shoulderNear, j.shoulderFar, RADII.shoulderBar),
      { points: s.spine.map(project), width: 2 * RADII.trunk },
    ],
  };
  torso.halo = torso.ink;
  const headAt = project(j.head);
  const head: Group = {
    depth: torso.depth + 0.5,
    far: false,
    halo: [{ points: [headAt], width: 2 * RADII.head }],
    ink: [seg(j.neck, j.head, RADII.neck), { points: [headAt], width: 2 * RADII.head }],
  };
  // A small nose says which way the face points (face up, face down, looking at the floor).
  if (framing.view === "side") {
    const facing = project([j.head[0] + s.face[0], j.head[1] + s.face[1], j.head[2] + s.face[2]]);
    const fx = facing[0] - headAt[0];
    const fy = facing[1] - headAt[1];
    const inPlane = Math.hypot(fx, fy);
    if (inPlane > 0.45) {
      const nose: Point = [headAt[0] + (fx / inPlane) * (RADII.head - 0.5), headAt[1] + (fy / inPlane) * (RADII.head - 0.5)];
      head.circles = [{ at: nose, r: 2.6 }];
    }
  }
  const groups: Group[] = [torso, head];
  for (const side of ["Near", "Far"] as const) {
    const arm = [seg(j[`shoulder${side}`], j[`elbow${side}`], RADII.upperArm), seg(j[`elbow${side}`], j[`hand${side}`], RADII.forearm)];
    const hand = project(j[`hand${side}`]);
    arm.push({ points: [hand], width: 2 * RADII.hand });
    const leg = [
      seg(j[`hip${side}`], j[`knee${side}`], RADII.thigh),
      seg(j[`knee${side}`], j[`ankle${side}`], RADII.shin),
      { points: [project(j[`ankle${side}`]), project(j[`heel${side}`]), project(j[`toe${side}`])], width: 2 * RADII.foot },
    ];
    const armDepth = mean(j[`shoulder${side}`], j[`elbow${side}`], j[`hand${side}`]);
    const legDepth = mean(j[`hip${side}`], j[`knee${side}`], j[`ankle${side}`]);
    // Only the side view has a "far side"; from above every limb is in plain sight.
    const behind = (d: number) => framing.view === "side" && d < torso.depth - 6;
    groups.push({ depth: armDepth, far: behind(armDepth), halo: arm, ink: arm });
    groups.push({ depth: legDepth, far: behind(legDepth), halo: leg, ink: leg });
  }
  const layers: { depth: number; primitives: Primitive[] }[] = groups.map((g) => {
    const colour = g.far ? COLOURS.far : COLOURS.ink;
    return {
      depth: g.depth,
      primitives: [
        ...(g.hull ? [hullPrimitive(g.hull, COLOURS.paper, 2 * RADII.shoulderBar + 2 * HALO)] : []),
        ...g.halo.map((h) => strokePrimitive(h, COLOURS.paper, 2 * HALO)),
        ...(g.hull ? [hullPrimitive(g.hull, colour, 2 * RADII.shoulderBar)] : []),
        ...g.ink.map((i) => strokePrimitive(i, colour)),
        ...(g.circles ?? []).map((c): Primitive => ({ type: "circle", cx: r1(c.at[0]), cy: r1(c.at[1]), r: c.r, fill: colour })),
      ],
    };
  });
  const between = drawBetweenKnees(s, framing, project, depth);
  if (between) layers.push(between);
  // Stable sort: equal depths keep torso, head, near, far order.
  return layers.sort((a, b) => a.depth - b.depth).flatMap((l) => l.primitives);
}

/** A ball, rolled towel or block squeezed between the knees. */
function drawBetweenKnees(s: Skeleton, framing: Framing, project: (p: Vec3) => Point, depth: (p: Vec3) => number) {
  const prop = framing.props.find((p): p is "ball" | "towel" | "block" => p === "ball" || p === "towel" || p === "block");
  if (!prop) return null;
  const a = s.joints.kneeNear;
  const b = s.joints.kneeFar;
  const mid: Vec3 = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2];
  const [x, y] = project(mid);
  const line = { stroke: COLOURS.ink, strokeWidth: 1.6, fill: COLOURS.paper } as const;
  const primitive: Primitive =
    prop === "ball"
      ? { type: "circle", cx: r1(x), cy: r1(y), r: 8, ...line }
      : prop === "block"
        ? { type: "rect", x: r1(x - 6), y: r1(y - 8), width: 12, height: 16, rx: 1.5, ...line }
        : { type: "rect", x: r1(x - 6), y: r1(y - 6), width: 12, height: 12, rx: 6, ...line };
  return { depth: depth(mid), primitives: [primitive] };
}

/** A plain chair (seat, four legs, a low back) under the pelvis, facing the way the hips face. */
function drawChair(s: Skeleton, framing: Framing): Primitive[] {
  const j = s.joints;
  const lateral = norm([j.hipNear[0] - j.hipFar[0], 0, j.hipNear[2] - j.hipFar[2]]);
  const forward: Vec3 = [lateral[2], 0, -lateral[0]];
  const seat = Math.min(j.hipNear[1] - RADII.thigh, j.hipFar[1] - RADII.thigh, j.pelvis[1] - RADII.trunk);
  const at = (f: number, l: number, y: number): Vec3 => [
    j.pelvis[0] + forward[0] * f + lateral[0] * l,
    y,
    j.pelvis[2] + forward[2] * f + lateral[2] * l,
  ];
  const project = projector(framing);
  const corners = [at(-16, -21, seat), at(26, -21, seat), at(26, 21, seat), at(-16, 21, seat)];
  const primitives: Primitive[] = [];
  const line = (a: Vec3, b: Vec3): Primitive => {
    const [x1, y1] = project(a);
    const [x2, y2] = project(b);
    return { type: "line", x1: r1(x1), y1: r1(y1), x2: r1(x2), y2: r1(y2), stroke: COLOURS.furniture, strokeWidth: 2.6, strokeLinecap: "round" };
  };
  for (const c of corners) primitives.push(line([c[0], c[1] - 2, c[2]], [c[0], 0, c[2]]));
  const back = [at(-16, -21, seat), at(-16, 21, seat)];
  for (const b of back) primitives.push(line(b, [b[0], seat + 42, b[2]]));
  primitives.push(line([back[0]![0], seat + 42, back[0]![2]], [back[1]![0], seat + 42, back[1]![2]]));
  primitives.push(line([back[0]![0], seat + 30, back[0]![2]], [back[1]![0], seat + 30, back[1]![2]]));
  const outline = corners.map(project);
  primitives.push({
    type: "path",
    d: `${outline.map(([x, y], i) => `${i === 0 ? "M" : "L"}${r1(x)} ${r1(y)}`).join("")}Z`,
    stroke: COLOURS.furniture,
    strokeWidth: 3.2,
    strokeLinejoin: "round",
    fill: COLOURS.furnitureFill,
  });
  return primitives;
}

function norm(v: Vec3): Vec3 {
  const l = Math.hypot(v[0], v[1], v[2]) || 1;
  return [v[0] / l, v[1] / l, v[2] / l];
}

/** Floor line and mat (side view) or the mat seen from above. */
function drawGround(framing: Framing, offsetX: number): Primitive[] {
  const mat = framing.props.includes("mat");
  const out: Primitive[] = [];
  if (framing.view === "top") {
    if (mat) {
      out.push({
        type: "rect",
        x: r1(offsetX + framing.left - 8),
        y: r1(framing.top - 8),
        width: r1(framing.right - framing.left + 16),
        height: r1(framing.bottom - framing.top + 16),
        rx: 4,
        fill: COLOURS.mat,
      });
    }
    return out;
  }
  const floor = mat ? FLOOR_Y + MAT_THICKNESS : FLOOR_Y;
  out.push({ type: "line", x1: offsetX + 4, y1: floor, x2: offsetX + FIGURE_WIDTH - 4, y2: floor, stroke: COLOURS.floor, strokeWidth: 1.5, strokeLinecap: "round" });
  if (mat) {
    out.push({
      type: "rect",
      x: r1(offsetX + Math.max(6, framing.left - 10)),
      y: FLOOR_Y,
      width: r1(Math.min(FIGURE_WIDTH - 12, framing.right - framing.left + 20)),
      height: MAT_THICKNESS,
      rx: 1.5,
      fill: COLOURS.mat,
    });
  }
  return out;
}

/** A teal arrow, straight or curved, with a head at one or both ends. */
export function drawArrow(arrow: Arrow, s: Skeleton, framing: Framing, offsetX = 0): Primitive[] {
  const [jx, jy] = projector(framing, offsetX)(s.joints[arrow.at]);
  const cx = jx + arrow.offset[0];
  const cy = jy - arrow.offset[1];
  const dir = (arrow.direction * Math.PI) / 180;
  const half = arrow.length / 2;
  // Drawing y runs down, so "up" in the file is negative y here.
  const start: Point = [cx - Math.cos(dir) * half, cy + Math.sin(dir) * half];
  const end: Point = [cx + Math.cos(dir) * half, cy - Math.sin(dir) * half];
  const points: Point[] = [];
  const bend = (arrow.bend * Math.PI) / 180;
  if (Math.abs(bend) < 1e-3) {
    points.push(start, end);
  } else {
    // The arc that leaves the start turned by half the bend and arrives turned by the other half.
    const steps = 16;
    const radius = half / Math.sin(Math.abs(bend) / 2);
    const toCentre = Math.sqrt(Math.max(0, radius * radius - half * half)) * (Math.abs(bend) > Math.PI ? -1 : 1);
    const nx = -Math.sin(dir) * Math.sign(bend);
    const ny = -Math.cos(dir) * Math.sign(bend);
    const centre: Point = [cx + nx * toCentre, cy + ny * toCentre];
    const a0 = Math.atan2(start[1] - centre[1], start[0] - centre[0]);
    const sweep = -bend;
    for (let i = 0; i <= steps; i++) {
      const a = a0 + (sweep * i) / steps;
      points.push([centre[0] + Math.cos(a) * radius, centre[1] + Math.sin(a) * radius]);
    }
  }
  const d = points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${r1(x)} ${r1(y)}`).join("");
  const line = { type: "path", d, strokeLinecap: "round", strokeLinejoin: "round", fill: "none" } as const;
  const heads = [head(points[points.length - 2]!, points[points.length - 1]!)];
  if (arrow.both) heads.push(head(points[1]!, points[0]!));
  // A white edge keeps the teal readable where an arrow crosses the body.
  return [
    { ...line, stroke: COLOURS.paper, strokeWidth: 2.4 + 2 * HALO },
    ...heads.map((h) => ({ ...h, stroke: COLOURS.paper, strokeWidth: 1 + 2 * HALO })),
    { ...line, stroke: COLOURS.accent, strokeWidth: 2.4 },
    ...heads,
  ];
}

function head(from: Point, tip: Point): Primitive {
  const angle = Math.atan2(tip[1] - from[1], tip[0] - from[0]);
  const size = 6.5;
  const wing = (turn: number): Point => [tip[0] - Math.cos(angle + turn) * size, tip[1] - Math.sin(angle + turn) * size];
  const [a, b] = [wing(0.5), wing(-0.5)];
  return {
    type: "path",
    d: `M${r1(tip[0] + Math.cos(angle) * 1.2)} ${r1(tip[1] + Math.sin(angle) * 1.2)}L${r1(a[0])} ${r1(a[1])}L${r1(b[0])} ${r1(b[1])}Z`,
    fill: COLOURS.accent,
    stroke: COLOURS.accent,
    strokeWidth: 1,
    strokeLinejoin: "round",
  };
}

export type DrawOptions = { arrows?: Arrow[]; offsetX?: number; background?: boolean };

/** Everything in one figure box: paper, floor or mat, furniture, the body, arrows. */
export function drawFigure(s: Skeleton, framing: Framing, options: DrawOptions = {}): Primitive[] {
  const offsetX = options.offsetX ?? 0;
  const out: Primitive[] = [];
  if (options.background ?? true) out.push({ type: "rect", x: offsetX, y: 0, width: FIGURE_WIDTH, height: FIGURE_HEIGHT, fill: COLOURS.paper });
  out.push(...drawGround(framing, offsetX));
  out.push(...framing.furniture.map((p) => shift(p, offsetX)));
  out.push(...drawSkeleton(s, framing, offsetX));
  for (const arrow of options.arrows ?? []) out.push(...drawArrow(arrow, s, framing, offsetX));
  return out;
}

function shift(p: Primitive, dx: number): Primitive {
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

/** Which key pose best stands for the exercise on its own: where the hold happens. */
export function poseIndex(set: PoseSet, choice: PoseChoice = "hold"): number {
  const last = set.poses.length - 1;
  if (choice === "start") return 0;
  if (choice === "end") return last;
  if (choice === "hold") {
    const held = set.poses.findIndex((p) => p.hold);
    return held >= 0 ? held : last;
  }
  return Math.max(0, Math.min(last, Math.trunc(choice)));
}

/** Every key pose as its own still drawing, with its arrows, framed alike. */
export function drawKeyPoses(set: PoseSet, options: { arrows?: boolean } = {}): Drawing[] {
  const skeletons = solvePoseSet(set);
  const framing = frameSet(set, skeletons);
  return skeletons.map((s, i) => ({
    width: FIGURE_WIDTH,
    height: FIGURE_HEIGHT,
    primitives: drawFigure(s, framing, { arrows: options.arrows === false ? [] : set.poses[i]!.arrows }),
  }));
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
  const primitives = skeletons.flatMap((s, i) =>
    drawFigure(s, framing, { offsetX: i * (FIGURE_WIDTH + gap), arrows: options.arrows === false ? [] : set.poses[i]!.arrows }),
  );
  return { width: skeletons.length * FIGURE_WIDTH + (skeletons.length - 1) * gap, height: FIGURE_HEIGHT, primitives };
}

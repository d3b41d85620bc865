import type { Skeleton, Vec3 } from "./kinematics";
import type { Arrow } from "./pose-schema";
import {
  COLOURS,
  FIGURE_WIDTH,
  FLOOR_Y,
  pathThrough,
  planeOf,
  projector,
  r1,
  toBox,
  type Framing,
  type Point,
  type Primitive,
} from "./primitives";
import { RADII } from "./skeleton";

/** Everything around the body: floor, mat, chair, a squeezed ball, movement arrows. */

const MAT_THICKNESS = 3.5;
/** A white edge that keeps an arrow readable where it crosses the body. */
const ARROW_EDGE = 2.2;

/** Floor line and mat (side view) or the mat seen from above. */
export function drawGround(framing: Framing, offsetX: number): Primitive[] {
  const mat = framing.props.includes("mat");
  const out: Primitive[] = [];
  if (framing.view === "top") {
    if (mat) {
      const pad = 8;
      out.push({
        type: "rect",
        x: r1(offsetX + framing.left - pad),
        y: r1(framing.top - pad),
        width: r1(framing.right - framing.left + 2 * pad),
        height: r1(framing.bottom - framing.top + 2 * pad),
        rx: 4,
        fill: COLOURS.mat,
      });
    }
    return out;
  }
  const floor = mat ? FLOOR_Y + MAT_THICKNESS : FLOOR_Y;
  out.push({
    type: "line",
    x1: offsetX + 4,
    y1: floor,
    x2: offsetX + FIGURE_WIDTH - 4,
    y2: floor,
    stroke: COLOURS.floor,
    strokeWidth: 1.5,
    strokeLinecap: "round",
  });
  if (mat) {
    const left = Math.max(6, framing.left - 10);
    const right = Math.min(FIGURE_WIDTH - 6, framing.right + 10);
    out.push({
      type: "rect",
      x: r1(offsetX + left),
      y: FLOOR_Y,
      width: r1(right - left),
      height: MAT_THICKNESS,
      rx: 1.5,
      fill: COLOURS.mat,
    });
  }
  return out;
}

const unit = (v: Vec3): Vec3 => {
  const l = Math.hypot(v[0], v[1], v[2]) || 1;
  return [v[0] / l, v[1] / l, v[2] / l];
};

/** A plain chair (seat, four legs, a low back) under the pelvis, facing the way the hips face: edges in 3D. */
export function chairShape(s: Skeleton): { seat: Vec3[]; lines: [Vec3, Vec3][] } {
  const j = s.joints;
  const lateral = unit([j.hipNear[0] - j.hipFar[0], 0, j.hipNear[2] - j.hipFar[2]]);
  const forward: Vec3 = [lateral[2], 0, -lateral[0]];
  const top = Math.min(j.hipNear[1] - RADII.thigh, j.hipFar[1] - RADII.thigh, j.pelvis[1] - RADII.trunk);
  const at = (f: number, l: number, y: number): Vec3 => [
    j.pelvis[0] + forward[0] * f + lateral[0] * l,
    y,
    j.pelvis[2] + forward[2] * f + lateral[2] * l,
  ];
  const seat = [at(-16, -21, top), at(26, -21, top), at(26, 21, top), at(-16, 21, top)];
  const lines: [Vec3, Vec3][] = seat.map((c) => [
    [c[0], c[1] - 2, c[2]],
    [c[0], 0, c[2]],
  ]);
  const [backLeft, backRight] = [seat[0]!, seat[3]!];
  for (const b of [backLeft, backRight]) lines.push([b, [b[0], top + 42, b[2]]]);
  for (const h of [42, 30])
    lines.push([
      [backLeft[0], top + h, backLeft[2]],
      [backRight[0], top + h, backRight[2]],
    ]);
  return { seat, lines };
}

export function drawChair(s: Skeleton, framing: Framing): Primitive[] {
  const project = projector(framing);
  const { seat, lines } = chairShape(s);
  const out: Primitive[] = lines.map(([a, b]) => {
    const [x1, y1] = project(a);
    const [x2, y2] = project(b);
    return {
      type: "line",
      x1: r1(x1),
      y1: r1(y1),
      x2: r1(x2),
      y2: r1(y2),
      stroke: COLOURS.furniture,
      strokeWidth: r1(2.6 * framing.scale),
      strokeLinecap: "round",
    };
  });
  out.push({
    type: "path",
    d: pathThrough(seat.map(project), true),
    stroke: COLOURS.furniture,
    strokeWidth: r1(3.2 * framing.scale),
    strokeLinejoin: "round",
    fill: COLOURS.furnitureFill,
  });
  return out;
}

/** A ball, rolled towel or block squeezed between the knees, with the depth to sort it among the legs. */
export function drawBetweenKnees(s: Skeleton, framing: Framing, offsetX: number, depth: (p: Vec3) => number) {
  const prop = framing.props.find((p): p is "ball" | "towel" | "block" => p === "ball" || p === "towel" || p === "block");
  if (!prop) return null;
  const a = s.joints.kneeNear;
  const b = s.joints.kneeFar;
  const mid: Vec3 = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2];
  const [x, y] = projector(framing, offsetX)(mid);
  const k = framing.scale;
  const line = { stroke: COLOURS.ink, strokeWidth: 1.6, fill: COLOURS.paper } as const;
  const primitive: Primitive =
    prop === "ball"
      ? { type: "circle", cx: r1(x), cy: r1(y), r: r1(8 * k), ...line }
      : prop === "block"
        ? { type: "rect", x: r1(x - 6 * k), y: r1(y - 8 * k), width: r1(12 * k), height: r1(16 * k), rx: 1.5, ...line }
        : { type: "rect", x: r1(x - 6 * k), y: r1(y - 6 * k), width: r1(12 * k), height: r1(12 * k), rx: r1(6 * k), ...line };
  return { depth: depth(mid), primitives: [primitive] };
}

/**
 * An arrow's centre line in the picture plane (cm, v up): straight, or an arc that leaves
 * turned by half its bend and arrives turned by the other half.
 */
export function arrowLine(arrow: Arrow, s: Skeleton, framing: Pick<Framing, "view">): Point[] {
  const [ju, jv] = planeOf(framing.view)(s.joints[arrow.at]);
  const cu = ju + arrow.offset[0];
  const cv = jv + arrow.offset[1];
  const dir = (arrow.direction * Math.PI) / 180;
  const half = arrow.length / 2;
  const start: Point = [cu - Math.cos(dir) * half, cv - Math.sin(dir) * half];
  const end: Point = [cu + Math.cos(dir) * half, cv + Math.sin(dir) * half];
  const bend = (arrow.bend * Math.PI) / 180;
  if (Math.abs(bend) < 1e-3) return [start, end];
  const radius = half / Math.sin(Math.abs(bend) / 2);
  const toCentre = Math.sqrt(Math.max(0, radius * radius - half * half)) * (Math.abs(bend) > Math.PI ? -1 : 1);
  // Turning anticlockwise (positive bend) puts the centre on the left of the direction of travel.
  const side = Math.sign(bend);
  const centre: Point = [cu - Math.sin(dir) * toCentre * side, cv + Math.cos(dir) * toCentre * side];
  const a0 = Math.atan2(start[1] - centre[1], start[0] - centre[0]);
  const points: Point[] = [];
  const steps = 16;
  for (let i = 0; i <= steps; i++) {
    const a = a0 + (bend * i) / steps;
    points.push([centre[0] + Math.cos(a) * radius, centre[1] + Math.sin(a) * radius]);
  }
  return points;
}

/** A teal arrow with a head at one or both ends. */
export function drawArrow(arrow: Arrow, s: Skeleton, framing: Framing, offsetX = 0): Primitive[] {
  const box = toBox(framing, offsetX);
  const points = arrowLine(arrow, s, framing).map(box);
  const width = r1(2.4 * Math.sqrt(framing.scale));
  const line = { type: "path", d: pathThrough(points), strokeLinecap: "round", strokeLinejoin: "round", fill: "none" } as const;
  const heads = [arrowHead(points[points.length - 2]!, points[points.length - 1]!, width)];
  if (arrow.both) heads.push(arrowHead(points[1]!, points[0]!, width));
  return [
    { ...line, stroke: COLOURS.paper, strokeWidth: r1(width + 2 * ARROW_EDGE) },
    ...heads.map((h) => ({ ...h, stroke: COLOURS.paper, strokeWidth: r1(1 + 2 * ARROW_EDGE) })),
    { ...line, stroke: COLOURS.accent, strokeWidth: width },
    ...heads,
  ];
}

function arrowHead(from: Point, tip: Point, width: number): Primitive {
  const angle = Math.atan2(tip[1] - from[1], tip[0] - from[0]);
  const size = 2.7 * width;
  const wing = (turn: number): Point => [tip[0] - Math.cos(angle + turn) * size, tip[1] - Math.sin(angle + turn) * size];
  const nose: Point = [tip[0] + Math.cos(angle) * 1.2, tip[1] + Math.sin(angle) * 1.2];
  return {
    type: "path",
    d: pathThrough([nose, wing(0.5), wing(-0.5)], true),
    fill: COLOURS.accent,
    stroke: COLOURS.accent,
    strokeWidth: 1,
    strokeLinejoin: "round",
  };
}

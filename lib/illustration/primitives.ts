import type { Vec3 } from "./kinematics";
import type { PropName, View } from "./pose-schema";

/**
 * The neutral drawing description. The web (inline SVG) and the PDF (@react-pdf Svg)
 * both render exactly this list through ./elements, so they cannot drift apart. The
 * attribute names are ones both React DOM and react-pdf accept.
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

/** Every figure has this box (a fixed aspect ratio reserves its space on the page). */
export const FIGURE_WIDTH = 240;
export const FIGURE_HEIGHT = 150;
/** The surface the body rests on, in the side view. */
export const FLOOR_Y = 136;

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

export type Point = [number, number];

export const r1 = (v: number) => Math.round(v * 10) / 10;

export const pathThrough = (points: Point[], closed = false) =>
  `${points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${r1(x)} ${r1(y)}`).join("")}${closed ? "Z" : ""}`;

/**
 * How a set sits in its box, the same for every pose and every frame of it. The picture
 * plane has u to the right and v up, in cm; the box is that plane zoomed by `scale`
 * (uniformly, so proportions never change) and centred.
 */
export type Framing = {
  view: View;
  scale: number;
  centreU: number;
  centreV: number;
  /** The body's extent over all key poses, in box units (for the mat). */
  left: number;
  right: number;
  top: number;
  bottom: number;
  props: PropName[];
  /** Furniture drawn behind the figure, placed once from the first pose. */
  furniture: Primitive[];
};

/**
 * The "top" view looks down from above the feet side at 35 degrees from vertical, so a
 * knee pointing at the ceiling still reads as a raised knee and a lying figure as lying.
 */
const TOP_TILT = (35 * Math.PI) / 180;

/** World (x along the floor, y up, z towards the side-view viewer) to the picture plane. */
export function planeOf(view: View): (p: Vec3) => Point {
  if (view === "top") return (p) => [p[0], -p[2] * Math.cos(TOP_TILT) + p[1] * Math.sin(TOP_TILT)];
  return (p) => [p[0], p[1]];
}

/** Towards the viewer: drawn later. */
export function depthOf(view: View): (p: Vec3) => number {
  if (view === "top") return (p) => p[1] * Math.cos(TOP_TILT) + p[2] * Math.sin(TOP_TILT);
  return (p) => p[2];
}

/** Picture plane to box units; `offsetX` places one figure of a strip. */
export function toBox(framing: Pick<Framing, "view" | "scale" | "centreU" | "centreV">, offsetX = 0): (q: Point) => Point {
  const { scale, centreU, centreV } = framing;
  if (framing.view === "top")
    return ([u, v]) => [offsetX + FIGURE_WIDTH / 2 + (u - centreU) * scale, FIGURE_HEIGHT / 2 - (v - centreV) * scale];
  return ([u, v]) => [offsetX + FIGURE_WIDTH / 2 + (u - centreU) * scale, FLOOR_Y - v * scale];
}

export function projector(framing: Framing, offsetX = 0): (p: Vec3) => Point {
  const plane = planeOf(framing.view);
  const box = toBox(framing, offsetX);
  return (p) => box(plane(p));
}

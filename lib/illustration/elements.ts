import { createElement, type ElementType, type ReactElement } from "react";
import type { Drawing, Primitive } from "./drawing";

/**
 * The element types a host draws with: "line", "circle"… for inline SVG in the browser,
 * or react-pdf's Line, Circle… for the handout. The mapping from primitives to elements
 * lives only here, so the web figure and the printed figure are the same drawing.
 */
export type SvgKit = Record<Primitive["type"], ElementType>;

export const WEB_KIT: SvgKit = { line: "line", circle: "circle", path: "path", rect: "rect" };

export function drawingElements(drawing: Drawing, kit: SvgKit): ReactElement[] {
  return drawing.primitives.map((primitive, index) => {
    const { type, ...attributes } = primitive;
    return createElement(kit[type], { key: index, ...attributes });
  });
}

export const viewBoxOf = (drawing: Drawing) => `0 0 ${drawing.width} ${drawing.height}`;

import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { Document, Page, renderToBuffer } from "@react-pdf/renderer";
import { describe, expect, it } from "vitest";
import { AnimatedFigure } from "@/components/illustration/animated-figure";
import { ExerciseFigure, ExercisePoseStrip } from "@/components/illustration/exercise-figure";
import { FigureSvg } from "@/components/illustration/figure-svg";
import {
  COLOURS,
  drawKeyPoses,
  drawPoseStrip,
  FIGURE_HEIGHT,
  FIGURE_WIDTH,
  frameSet,
  keyPoses,
  type Drawing,
  type Primitive,
} from "@/lib/illustration/drawing";
import { drawingElements, WEB_KIT, type SvgKit } from "@/lib/illustration/elements";
import { PDF_KIT, PdfExerciseFigure, PdfPoseStrip } from "@/lib/illustration/pdf-figure";
import type { PoseSet } from "@/lib/illustration/pose-schema";
import { RADII } from "@/lib/illustration/skeleton";
import { poseSets, setFor } from "@/lib/illustration/test-support";

const cases = [...poseSets.entries()].flatMap(([slug, set]) => keyPoses(set).map((pose, index) => [slug, pose.label, index] as const));

/** Every x and y a primitive touches (path points included). */
function coordinates(p: Primitive): [number, number][] {
  switch (p.type) {
    case "line":
      return [
        [p.x1, p.y1],
        [p.x2, p.y2],
      ];
    case "circle":
      return [
        [p.cx - p.r, p.cy - p.r],
        [p.cx + p.r, p.cy + p.r],
      ];
    case "rect":
      return [
        [p.x, p.y],
        [p.x + p.width, p.y + p.height],
      ];
    case "path":
      return [...p.d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
  }
}

describe("every key pose of every exercise", () => {
  it.each(cases)("%s %s renders to an accessible inline SVG", (slug, label, index) => {
    const set = setFor(slug);
    const drawing = drawKeyPoses(set)[index]!;
    const html = renderToStaticMarkup(createElement(FigureSvg, { drawing, label: `Test: ${label}` }));
    const { scale } = frameSet(set);
    expect(html).toMatch(/^<svg role="img" aria-label="Test: [^"]+" viewBox="0 0 240 150"/);
    // A head, a floor or mat to lie on, the trunk and eight limb segments, and nothing broken.
    const radii = [...html.matchAll(/<circle[^>]* r="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(radii.some((r) => Math.abs(r - RADII.head * scale) < 0.15)).toBe(true);
    expect(html.match(/<line /g)?.length ?? 0).toBeGreaterThanOrEqual(8);
    expect(html).not.toMatch(/NaN|undefined|Infinity/);
    const arrows = drawing.primitives.filter((p) => p.stroke === COLOURS.accent && p.type === "path" && p.fill === "none");
    expect(arrows).toHaveLength(keyPoses(set)[index]!.arrows.length);
  });

  it.each(cases)("%s %s fits inside the figure box", (slug, _label, index) => {
    const drawing = drawKeyPoses(setFor(slug))[index]!;
    for (const p of drawing.primitives) {
      for (const [x, y] of coordinates(p)) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(FIGURE_WIDTH);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(FIGURE_HEIGHT);
      }
    }
  });
});

describe("web and PDF", () => {
  it("draw the same primitives with the same attributes", () => {
    const drawing = drawPoseStrip(setFor("cat-cow"));
    const web = drawingElements(drawing, WEB_KIT) as ReactElement<Record<string, unknown>>[];
    const pdf = drawingElements(drawing, PDF_KIT) as ReactElement<Record<string, unknown>>[];
    expect(pdf.map((e) => e.props)).toEqual(web.map((e) => e.props));
    const kinds = (elements: ReactElement[], kit: SvgKit) =>
      elements.map((e) => Object.entries(kit).find(([, type]) => type === e.type)?.[0]);
    expect(kinds(pdf, PDF_KIT)).toEqual(kinds(web, WEB_KIT));
    expect(new Set(kinds(web, WEB_KIT))).toEqual(new Set(["rect", "line", "path", "circle"]));
  });

  it("render a handout figure and a strip into a PDF", async () => {
    const document = createElement(
      Document,
      null,
      createElement(
        Page,
        { size: "A6" },
        createElement(PdfExerciseFigure, { poseSet: setFor("bridge"), width: 160 }),
        createElement(PdfPoseStrip, { poseSet: setFor("cat-cow"), width: 260 }),
      ),
    );
    const buffer = await renderToBuffer(document as Parameters<typeof renderToBuffer>[0]);
    expect(buffer.subarray(0, 5).toString()).toBe("%PDF-");
    expect(buffer.length).toBeGreaterThan(1500);
  });
});

describe("components", () => {
  const render = (element: ReactElement) => renderToStaticMarkup(element);

  it("show the hold pose by default, with a text alternative naming the exercise", () => {
    const html = render(createElement(ExerciseFigure, { slug: "bridge", name: "Bridge" }));
    expect(html).toContain('aria-label="Bridge, lift: Bottom lifted so the shoulders, hips and knees make a straight line');
  });

  it("show a neutral placeholder for an exercise without poses", () => {
    for (const element of [
      createElement(ExerciseFigure, { slug: null, name: "My exercise" }),
      createElement(ExerciseFigure, { slug: "not-in-the-catalogue" }),
      createElement(ExercisePoseStrip, { poseSet: null }),
      createElement(AnimatedFigure, { poseSet: null }),
    ]) {
      const html = render(element);
      expect(html).toContain('role="img" aria-label="No illustration"');
      expect(html).toContain("aspect-ratio:240 / 150");
    }
  });

  it("leave in-between animation poses out of the stills", () => {
    const html = render(createElement(ExercisePoseStrip, { slug: "bird-dog" }));
    expect(setFor("bird-dog").poses.map((p) => p.still)).toEqual([true, false, true]);
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).not.toContain("Lift off");
  });

  it("label the key poses in order", () => {
    const html = render(createElement(ExercisePoseStrip, { slug: "cat-cow", name: "Cat–cow" }));
    const captions = [...html.matchAll(/<figcaption[^>]*><span[^>]*>(\d)\.<\/span> ([^<]+)<\/figcaption>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(captions).toEqual(["1 Start", "2 Round up", "3 Dip down"]);
  });

  it("render the animation's first frame on the server, with the still poses ready for reduced motion", () => {
    const set: PoseSet = setFor("superman");
    const html = render(createElement(AnimatedFigure, { poseSet: set, name: "Superman", tempoSeconds: 2, holdSeconds: 2, playing: true }));
    expect(html).toContain('class="motion-reduce:hidden"');
    expect(html).toContain('class="hidden motion-reduce:block"');
    expect(html).toContain("Superman, shown in 2 steps. 1. Start:");
    expect(html.match(/<svg /g)).toHaveLength(1 + keyPoses(set).length);
  });
});

describe("framing", () => {
  it("draws every exercise at about life-size in the box, zooming a small figure no more than 1.4 times", () => {
    for (const [slug, set] of poseSets) {
      const { scale } = frameSet(set);
      expect(scale, slug).toBeGreaterThanOrEqual(0.9);
      expect(scale, slug).toBeLessThanOrEqual(1.4);
    }
  });
});

describe("props", () => {
  it("draws a squeezed ball between the knees when a set asks for one", () => {
    const set: PoseSet = { ...setFor("draw-in"), props: ["ball"] };
    const plain = drawKeyPoses(setFor("draw-in"))[0]!;
    const withBall: Drawing = drawKeyPoses(set)[0]!;
    expect(withBall.primitives.length).toBe(plain.primitives.length + 1);
    expect(withBall.primitives).toContainEqual(expect.objectContaining({ type: "circle", stroke: COLOURS.ink, fill: COLOURS.paper }));
  });

  it("draws a chair under the seated figure and a mat under the all-fours one", () => {
    const chairLines = drawKeyPoses(setFor("seated-rotation"))[0]!.primitives.filter((p) => p.stroke === COLOURS.furniture);
    expect(chairLines.length).toBeGreaterThanOrEqual(8);
    expect(drawKeyPoses(setFor("cat-cow"))[0]!.primitives).toContainEqual(expect.objectContaining({ type: "rect", fill: COLOURS.mat }));
  });
});

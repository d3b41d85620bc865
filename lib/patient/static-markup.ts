import "server-only";
import path from "node:path";
import type { ReactElement } from "react";

type Render = (element: ReactElement) => string;
let render: Render | undefined;

/**
 * HTML for a tree of plain server components: no hooks, no context, no client
 * components, no async components (each would throw or render wrongly here).
 *
 * Next keeps react-dom/server out of the server-component bundle, so it is loaded at run
 * time from node_modules, outside the bundler. React elements are plain objects marked
 * by a global symbol, so this second React can draw the elements the first one made.
 */
export function renderStaticMarkup(element: ReactElement): string {
  if (!render) {
    const { createRequire } = process.getBuiltinModule("node:module");
    const load = createRequire(path.join(process.cwd(), "package.json"));
    // A variable, so the bundler does not try to follow the require.
    const specifier = "react-dom/server";
    render = (load(specifier) as { renderToStaticMarkup: Render }).renderToStaticMarkup;
  }
  return render(element);
}

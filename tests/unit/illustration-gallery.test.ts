import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import IllustrationGalleryPage from "@/app/dev/gallery/page";
import { isProduction } from "@/lib/env";

vi.mock("@/lib/env", () => ({ isProduction: vi.fn(() => false) }));

describe("illustration gallery (app/dev/gallery)", () => {
  it("does not exist in production", () => {
    vi.mocked(isProduction).mockReturnValue(true);
    expect(() => IllustrationGalleryPage()).toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
  });

  it("shows every exercise with its labelled key poses in development", () => {
    vi.mocked(isProduction).mockReturnValue(false);
    const html = renderToStaticMarkup(IllustrationGalleryPage());
    for (const name of ["Bird-dog", "Bridge", "Cat–cow", "Superman", "Seated torso twist"]) expect(html).toContain(`>${name}</h2>`);
    expect(html.match(/<section /g)).toHaveLength(14);
    expect(html).toContain("Round up");
    expect(html).toContain('aria-label="No illustration"');
  });
});

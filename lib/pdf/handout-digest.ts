import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { isProduction } from "@/lib/env";
import type { HandoutInput } from "./render";

let layout: string | undefined;

/*
 * The layout itself (this code, the fonts, the pose drawings) is part of what is printed.
 * In production it is named by the build: a new deployment draws every sheet afresh.
 * Anywhere else each process has its own, so a stored sheet never outlives an edit to
 * the layout during development.
 */
function layoutVersion(): string {
  if (layout) return layout;
  try {
    if (isProduction()) layout = readFileSync(path.join(process.cwd(), ".next", "BUILD_ID"), "utf8").trim();
  } catch {
    // Not a `next build` (a script or a test in production mode): fall through.
  }
  layout ??= `process-${randomBytes(8).toString("hex")}`;
  return layout;
}

/**
 * THE place where everything a handout prints is gathered: two handouts with the same
 * digest are the same sheet, and the rendered PDF is filed under it (in memory and in
 * the handout_pdfs table). Whatever a new part of the sheet shows (a clinic photo, a
 * logo) must be added here, as its content or a hash of its bytes, or a changed photo
 * would keep printing the old one.
 */
function handoutDigestInputs(input: HandoutInput): unknown {
  return {
    layout: layoutVersion(),
    // Programme version, title, notes, dates, patient, clinician, clinic details and paper
    // size, each exercise's text, dose and pose: all printed.
    programme: input.programme,
    safety: input.safety,
    // The QR code and the address under it.
    link: input.link,
    // Printed as "Given" and where the chart starts without a start date: the day counts, not the time.
    generatedOn: input.generatedOn.slice(0, 10),
    weeks: input.weeks,
    pageNumbers: input.pageNumbers !== false,
    figures: input.renderFigure ? "poses" : "placeholders",
  };
}

/** SHA-256 of handoutDigestInputs, base64url: the key a rendered handout is kept under. */
export function handoutDigest(input: HandoutInput): string {
  return createHash("sha256")
    .update(JSON.stringify(handoutDigestInputs(input)))
    .digest("base64url");
}

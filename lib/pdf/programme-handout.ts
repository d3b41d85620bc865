import "server-only";
import type { DatabaseOrTransaction } from "@/db/client";
import { getCurrentLink } from "@/lib/links/current";
import { safetyAdvice } from "@/lib/catalogue/safety";
import { isoToday } from "@/lib/dates";
import { env } from "@/lib/env";
import { logError } from "@/lib/errors";
import { shortAddress } from "@/lib/links/short-code";
import { linkKey } from "@/lib/links/token";
import { loadProgrammeView } from "@/lib/patient/programme-view";
import type { RenderFigure } from "./handout";
import { cachedHandout } from "./handout-cache";
import { handoutDigest } from "./handout-digest";
import { handoutStore } from "./handout-store";
import type { HandoutInput } from "./render";

/*
 * Nothing here imports react-pdf: a handout served from memory or from the database
 * never loads the renderer. The figures (pose drawings, the clinic's photos, a video's QR
 * code) are drawn with react-pdf, so they and the photos' bytes are loaded on a render
 * only; the digest already names each photo and video by its SHA-256 (in the programme).
 */
const placeholderFigure: RenderFigure = () => null;

/** Four weeks of ticks when the plan runs that long before review, otherwise two. */
function chartWeeks(start: string | null, review: string | null): 2 | 4 {
  if (!start || !review) return 4;
  return (Date.parse(review) - Date.parse(start)) / 86_400_000 >= 21 ? 4 : 2;
}

/**
 * The printable handout of a programme's current version, carrying the live link as text
 * and QR code. Filed under the digest of everything it prints (handout-digest.ts): served
 * from memory, else from the handout_pdfs table, else rendered and stored there; a saved
 * version's sheet is usually drawn ahead of time by prerenderHandout. `readOnly` (the
 * patient's GET, which never writes) reads the stored copy but keeps a fresh render in
 * memory only. Correctness never depends on either copy.
 */
export async function programmeHandout(
  db: DatabaseOrTransaction,
  input: {
    clinicId: string;
    programmeId: string;
    link: { id: string; token: string; shortUrl?: string };
    appUrl: string;
    readOnly?: boolean;
  },
): Promise<{ pdf: Buffer; filename: string } | null> {
  const programme = await loadProgrammeView(db, { clinicId: input.clinicId, programmeId: input.programmeId });
  if (!programme) return null;
  const url = `${input.appUrl}/p/${input.link.token}`;
  const handout: HandoutInput = {
    programme,
    safety: safetyAdvice(),
    link: { url, shortUrl: input.link.shortUrl ?? url.replace(/^https?:\/\//, "") },
    generatedOn: isoToday(),
    weeks: chartWeeks(programme.startDate, programme.reviewDate),
    // Replaced on a render (below); present here so the digest records that figures print.
    renderFigure: placeholderFigure,
  };
  const digest = handoutDigest(handout);
  const pdf = await cachedHandout(
    `${programme.programmeId}|${digest}`,
    async () => {
      const [{ handoutFigures }, { loadPrintedPhotos }] = await Promise.all([import("./pose-figures"), import("./handout-media")]);
      return { ...handout, renderFigure: handoutFigures(await loadPrintedPhotos(programme, input.clinicId), url) };
    },
    handoutStore(db, { clinicId: input.clinicId, programmeId: programme.programmeId, digest }, { readOnly: input.readOnly }),
  );
  const slug =
    programme.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "exercises";
  return { pdf, filename: `${slug}.pdf` };
}

/**
 * The handout as the programme's live link prints it (QR code and short address), or
 * null when the programme has no live link: a sheet must carry one.
 */
export async function currentLinkHandout(db: DatabaseOrTransaction, { clinicId, programmeId }: { clinicId: string; programmeId: string }) {
  const { APP_URL, AUTH_SECRET } = env();
  const link = await getCurrentLink(db, { clinicId, programmeId, key: linkKey(AUTH_SECRET) });
  if (!link || link.status !== "active" || !link.token) return null;
  const shortUrl = link.shortCode ? shortAddress(APP_URL, link.shortCode) : undefined;
  return programmeHandout(db, { clinicId, programmeId, link: { id: link.id, token: link.token, shortUrl }, appUrl: APP_URL });
}

/**
 * Draws and stores a programme's handout ahead of its first download: called after a
 * version is saved or a link issued, outside the request (Next's after()). Nothing waits
 * on it and a failure only means the first download renders.
 */
export async function prerenderHandout(db: DatabaseOrTransaction, programme: { clinicId: string; programmeId: string }): Promise<void> {
  try {
    await currentLinkHandout(db, programme);
  } catch (error) {
    logError("handout could not be drawn ahead of time", error);
  }
}

export function pdfResponse(
  { pdf, filename }: { pdf: Buffer; filename: string },
  disposition: "inline" | "attachment" = "inline",
): Response {
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `${disposition}; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

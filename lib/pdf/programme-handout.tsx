import "server-only";
import { createHash } from "node:crypto";
import type { DatabaseOrTransaction } from "@/db/client";
import { safetyAdvice } from "@/lib/catalogue/safety";
import { isoToday } from "@/lib/dates";
import { getPoseSet } from "@/lib/illustration/load-poses";
import { PdfExerciseFigure } from "@/lib/illustration/pdf-figure";
import { View } from "@react-pdf/renderer";
import { loadProgrammeView } from "@/lib/patient/programme-view";
import type { RenderFigure } from "./handout";
import { loadPrintedPhotos, PrintedPhoto, VideoQr } from "./handout-media";
import { handoutCacheKey, renderHandout } from "./render";

const drawing: RenderFigure = (poseSlug, width) => {
  const poseSet = getPoseSet(poseSlug);
  return poseSet ? <PdfExerciseFigure poseSet={poseSet} width={width} /> : null;
};

/** The clinic's photo where it has one, else the drawing; an exercise with a video gets a QR code to it on the patient's page. */
function figures(photos: Map<string, Buffer>, pageUrl: string): RenderFigure {
  return function MediaFigure(poseSlug, width, item) {
    const photo = item && photos.get(item.exerciseId);
    const picture = photo ? <PrintedPhoto data={photo} width={width} /> : drawing(poseSlug, width);
    if (!item?.media?.video) return picture;
    return (
      <View style={{ width, height: "100%" }}>
        {picture}
        <VideoQr url={`${pageUrl}#exercise-${item.position}`} />
      </View>
    );
  };
}

/** Four weeks of ticks when the plan runs that long before review, otherwise two. */
function chartWeeks(start: string | null, review: string | null): 2 | 4 {
  if (!start || !review) return 4;
  return (Date.parse(review) - Date.parse(start)) / 86_400_000 >= 21 ? 4 : 2;
}

/**
 * The printable handout of a programme's current version, carrying the live link as text
 * and QR code. Rendered once per version, link, paper size and day, then served from the
 * in-process cache; correctness never depends on that cache.
 */
export async function programmeHandout(
  db: DatabaseOrTransaction,
  input: { clinicId: string; programmeId: string; link: { id: string; token: string; shortUrl?: string }; appUrl: string },
): Promise<{ pdf: Buffer; filename: string } | null> {
  const programme = await loadProgrammeView(db, { clinicId: input.clinicId, programmeId: input.programmeId });
  if (!programme) return null;
  const url = `${input.appUrl}/p/${input.link.token}`;
  const today = isoToday();
  const weeks = chartWeeks(programme.startDate, programme.reviewDate);
  const photos = await loadPrintedPhotos(programme, input.clinicId);
  const pdf = await renderHandout(
    {
      programme,
      safety: safetyAdvice(),
      link: { url, shortUrl: input.link.shortUrl ?? url.replace(/^https?:\/\//, "") },
      generatedOn: today,
      weeks,
      renderFigure: figures(photos, url),
    },
    {
      // The version and link name the sheet; the digest of everything printed (clinic
      // details, names, each photo's and video's SHA-256 in item.media) makes any change
      // a new entry rather than a stale sheet.
      cacheKey: `${handoutCacheKey({
        programmeId: programme.programmeId,
        version: programme.version,
        linkId: input.link.id,
        paperSize: programme.clinic.paperSize,
        weeks,
        generatedOn: today,
      })}|${input.link.shortUrl ?? ""}|${createHash("sha256").update(JSON.stringify(programme)).digest("base64url")}`,
    },
  );
  const slug = programme.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "exercises";
  return { pdf, filename: `${slug}.pdf` };
}

export function pdfResponse({ pdf, filename }: { pdf: Buffer; filename: string }, disposition: "inline" | "attachment" = "inline"): Response {
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `${disposition}; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

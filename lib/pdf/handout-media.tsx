import "server-only";
import { Image, Path, Svg, Text, View } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import { mediaStore } from "@/lib/media/storage";
import { mediaKey } from "@/lib/media/store";
import type { ProgrammeView } from "@/lib/programme/view";
import { FIGURE_HEIGHT, INK } from "./handout-styles";
import { createQrMatrix, QR_QUIET_ZONE, qrPath } from "./qr";

/** The width the handout prints a photo from: sharp enough at 140 pt, a fraction of the largest. */
const PRINTED_FILE = "w960.jpg";
const QR_SIZE = 50;

/**
 * The first photo of each exercise that has one, read from the media store, keyed by
 * exercise id. A photo that cannot be read prints the drawing instead (and is logged by
 * the store): a missing file must not cost the patient their sheet.
 */
export async function loadPrintedPhotos(programme: ProgrammeView, clinicId: string): Promise<Map<string, Buffer>> {
  const photos = new Map<string, Buffer>();
  for (const item of programme.items) {
    const photo = item.media?.photos[0];
    if (!photo || photos.has(item.exerciseId)) continue;
    const stored = await mediaStore()
      .get(mediaKey(clinicId, photo.id, PRINTED_FILE))
      .catch(() => null);
    if (!stored) continue;
    const chunks: Buffer[] = [];
    for await (const chunk of stored.body) chunks.push(Buffer.from(chunk as Uint8Array));
    const jpeg = Buffer.concat(chunks);
    // Only what lib/media/photo.ts wrote (a JPEG) goes to the PDF renderer.
    if (jpeg[0] === 0xff && jpeg[1] === 0xd8) photos.set(item.exerciseId, jpeg);
  }
  return photos;
}

/** The clinic's photo in the figure's box, fitted whole. */
export function PrintedPhoto({ data, width }: { data: Buffer; width: number }): ReactElement {
  // eslint-disable-next-line jsx-a11y/alt-text -- a PDF image has no alt; the exercise name and steps beside it say what it shows
  return <Image src={{ data, format: "jpg" }} style={{ width, height: FIGURE_HEIGHT, objectFit: "contain" }} />;
}

/** A small QR code in the figure's corner that opens the exercise, video first, on the patient's page. */
export function VideoQr({ url }: { url: string }): ReactElement {
  const qr = createQrMatrix(url);
  const modules = qr.size + 2 * QR_QUIET_ZONE;
  return (
    <View style={{ position: "absolute", right: 0, bottom: 0, backgroundColor: "#ffffff", alignItems: "center", paddingTop: 2 }}>
      <Text style={{ fontSize: 6.5, fontWeight: 700 }}>Video</Text>
      <Svg width={QR_SIZE} height={QR_SIZE} viewBox={`0 0 ${modules} ${modules}`}>
        <Path d={qrPath(qr)} fill={INK} />
      </Svg>
    </View>
  );
}

import sharp from "sharp";

/* Photos for the media tests, made on the spot rather than kept as files. */

/** A "phone photo": landscape pixels stored sideways (orientation 6) with GPS and camera EXIF. */
export async function phonePhoto(width = 400, height = 300): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: "PhoneMaker", Model: "Canary Phone 12" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 30/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "0/1 7/1 0/1" },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** The EXIF tag that points at the GPS block (0x8825), as it sits in a little-endian EXIF. */
export const GPS_POINTER = Buffer.from([0x25, 0x88]);

import { crc32 } from "node:zlib";
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

/**
 * A decompression bomb: a small PNG whose header claims 20000 x 20000 pixels (1.2 GB once
 * decoded). The header's checksum is made right, so only the pixel count gives it away.
 */
export async function pixelBomb(side = 20_000): Promise<Buffer> {
  const png = await sharp({ create: { width: 1, height: 1, channels: 3, background: "#fff" } })
    .png()
    .toBuffer();
  // Signature (8), IHDR length (4) and type (4), then width and height.
  png.writeUInt32BE(side, 16);
  png.writeUInt32BE(side, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

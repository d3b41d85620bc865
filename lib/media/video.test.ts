import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inspectVideo } from "./video";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "../../tests/fixtures", name));

/** An MP4 index with one sample entry of the given codec and a length of `seconds`. */
function mp4With(codec: string, seconds: number): Buffer {
  const box = (type: string, ...parts: Buffer[]) => {
    const body = Buffer.concat(parts);
    const head = Buffer.alloc(8);
    head.writeUInt32BE(8 + body.length);
    head.write(type, 4, "latin1");
    return Buffer.concat([head, body]);
  };
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(1000, 12);
  mvhd.writeUInt32BE(seconds * 1000, 16);
  const stsd = Buffer.concat([Buffer.alloc(8), Buffer.from([0, 0, 0, 16]), Buffer.from(codec, "latin1"), Buffer.alloc(8)]);
  return Buffer.concat([
    box("ftyp", Buffer.from("isom\0\0\0\0isom", "latin1")),
    box("moov", box("mvhd", mvhd), box("trak", box("mdia", box("minf", box("stbl", box("stsd", stsd)))))),
  ]);
}

describe("inspectVideo", () => {
  it("reads an H.264 MP4's and a WebM's length from their own bytes", () => {
    expect(inspectVideo(fixture("two-seconds.mp4"))).toEqual({ container: "mp4", durationMs: 2000 });
    const webm = inspectVideo(fixture("two-seconds.webm"));
    expect(webm.container).toBe("webm");
    expect(webm.durationMs).toBeGreaterThan(1900);
    expect(webm.durationMs).toBeLessThan(2100);
  });

  it("refuses a video past the length limit, HEVC, a cut-short file and what is not a video", () => {
    expect(() => inspectVideo(fixture("sixty-one-seconds.mp4"))).toThrow(/longer than 60 seconds/);
    expect(() => inspectVideo(mp4With("hvc1", 5))).toThrow(/HEVC/);
    expect(inspectVideo(mp4With("avc1", 5))).toEqual({ container: "mp4", durationMs: 5000 });
    const mp4 = fixture("two-seconds.mp4");
    expect(() => inspectVideo(mp4.subarray(0, 600))).toThrow(/damaged|cut short/);
    expect(() => inspectVideo(Buffer.from("\x89PNG\r\n\x1a\n not a video", "latin1"))).toThrow(/not a video/);
    expect(() => inspectVideo(Buffer.alloc(3))).toThrow(/not a video/);
  });
});

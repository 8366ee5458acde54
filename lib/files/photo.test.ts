import sharp from "sharp";
import { describe, expect, it } from "vitest";
import {
  exifHasGps,
  jpegSegmentMarkers,
  makeImage,
  makeJpegWithMetadata,
  makePdf,
  noisePng,
  pixelAt,
  pngClaimingSize,
} from "@/test/images";
import { PHOTO_MAX_BYTES, processPhoto, type PhotoResult } from "./photo";

function processed(result: PhotoResult) {
  if (!result.ok) throw new Error(`expected a processed photo, got ${result.error}`);
  return result.photo;
}

describe("processPhoto", () => {
  it("re-encodes a phone photo to JPEG without EXIF, GPS, XMP or ICC metadata", async () => {
    const input = await makeJpegWithMetadata(600, 800);
    const before = await sharp(input).metadata();
    expect(exifHasGps(before.exif!)).toBe(true);
    expect(before.xmp).toBeDefined();
    expect(before.icc).toBeDefined();

    const photo = processed(await processPhoto(input));
    const after = await sharp(photo.buffer).metadata();
    expect(after.format).toBe("jpeg");
    expect([after.width, after.height]).toEqual([600, 800]);
    expect([photo.width, photo.height]).toEqual([600, 800]);
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    // No application segments at all: APP1 held EXIF and XMP, APP2 the ICC profile (APP13 would be IPTC).
    const appSegments = (jpeg: Buffer) => jpegSegmentMarkers(jpeg).filter((m) => m >= 0xe0 && m <= 0xef);
    expect(appSegments(input)).toEqual(expect.arrayContaining([0xe1, 0xe2]));
    expect(appSegments(photo.buffer)).toEqual([]);
    expect(photo.buffer.includes("TestCam")).toBe(false);
    expect(photo.buffer.includes("Serial-0042")).toBe(false);
  });

  it("gives the SHA-256 of the bytes it returns", async () => {
    const photo = processed(await processPhoto(await makeImage(400, 500)));
    const { createHash } = await import("node:crypto");
    expect(photo.sha256).toBe(createHash("sha256").update(photo.buffer).digest("hex"));
    expect(photo.mediaType).toBe("image/jpeg");
  });

  it("accepts PNG and WebP by their bytes, and puts transparent pixels on white", async () => {
    const transparent = await sharp({ create: { width: 450, height: 600, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    const fromPng = processed(await processPhoto(transparent));
    expect((await sharp(fromPng.buffer).metadata()).format).toBe("jpeg");
    const [r, g, b] = await pixelAt(fromPng.buffer, 10, 10);
    expect(Math.min(r!, g!, b!)).toBeGreaterThan(245);

    const fromWebp = processed(await processPhoto(await makeImage(450, 600, "webp")));
    expect((await sharp(fromWebp.buffer).metadata()).format).toBe("jpeg");
  });

  it("scales the long side down to 1200 px and never enlarges", async () => {
    const big = processed(await processPhoto(await makeImage(1500, 2000)));
    expect([big.width, big.height]).toEqual([900, 1200]);
    const small = processed(await processPhoto(await makeImage(400, 500)));
    expect([small.width, small.height]).toEqual([400, 500]);
  });

  it("turns a photo upright by its EXIF orientation (6: rotate 90° clockwise)", async () => {
    // Stored landscape, 1000×800, red in the top-left corner; orientation 6 shows it 800×1000.
    const red = await sharp({ create: { width: 500, height: 400, channels: 3, background: "#ff0000" } }).png().toBuffer();
    const stored = await sharp({ create: { width: 1000, height: 800, channels: 3, background: "#ffffff" } })
      .composite([{ input: red, left: 0, top: 0 }])
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const photo = processed(await processPhoto(stored));
    expect([photo.width, photo.height]).toEqual([800, 1000]);
    expect((await sharp(photo.buffer).metadata()).orientation).toBeUndefined();
    // Rotated clockwise, the stored top-left corner is now the top-right one.
    const [r, g, b] = await pixelAt(photo.buffer, 790, 10);
    expect(r).toBeGreaterThan(200);
    expect(g! + b!).toBeLessThan(100);
    const [r2, g2] = await pixelAt(photo.buffer, 10, 10);
    expect(r2! + g2!).toBeGreaterThan(450); // white
  });

  it("refuses a portrait-stored photo that its orientation turns to landscape", async () => {
    const stored = await sharp({ create: { width: 800, height: 1000, channels: 3, background: "#ffffff" } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    expect(await processPhoto(stored)).toEqual({ ok: false, error: "notPortrait" });
  });

  it("refuses landscape and square photos", async () => {
    expect(await processPhoto(await makeImage(1000, 700))).toEqual({ ok: false, error: "notPortrait" });
    expect(await processPhoto(await makeImage(600, 600))).toEqual({ ok: false, error: "notPortrait" });
  });

  it("refuses photos smaller than 400×500", async () => {
    expect(await processPhoto(await makeImage(300, 400))).toEqual({ ok: false, error: "tooSmall" });
    expect(await processPhoto(await makeImage(399, 800))).toEqual({ ok: false, error: "tooSmall" });
    expect(await processPhoto(await makeImage(400, 499))).toEqual({ ok: false, error: "tooSmall" });
  });

  it("refuses files over 5 MB before looking inside", async () => {
    const noise = await noisePng(1400, 1400);
    expect(noise.length).toBeGreaterThan(PHOTO_MAX_BYTES);
    expect(await processPhoto(noise)).toEqual({ ok: false, error: "tooLarge" });
  });

  it("refuses a header declaring 30000×30000 pixels without decoding it", async () => {
    const bomb = await pngClaimingSize(30_000, 30_000);
    expect(bomb.length).toBeLessThan(1024);
    expect((await sharp(bomb, { limitInputPixels: false }).metadata()).width).toBe(30_000);
    // The pixel data behind the header is an 8×8 image: had it been decoded, the answer would be "corrupt".
    expect(await processPhoto(bomb)).toEqual({ ok: false, error: "tooManyPixels" });
    expect(await processPhoto(await pngClaimingSize(6_000, 8_000))).toEqual({ ok: false, error: "tooManyPixels" });
  });

  it("calls an image whose header is fine but whose pixels are not corrupt", async () => {
    expect(await processPhoto(await pngClaimingSize(600, 800))).toEqual({ ok: false, error: "corrupt" });
    const jpeg = await makeImage(600, 800);
    expect(await processPhoto(jpeg.subarray(0, Math.floor(jpeg.length / 2)))).toEqual({ ok: false, error: "corrupt" });
    expect(await processPhoto(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 1, 2, 3]))).toEqual({ ok: false, error: "corrupt" });
  });

  it("refuses a PDF whatever its name, and bytes that are no image at all", async () => {
    // A "photo.jpg" that is a PDF: only the bytes are looked at.
    expect(await processPhoto(makePdf())).toEqual({ ok: false, error: "notAnImage" });
    expect(await processPhoto(Buffer.from("just some text, named photo.png"))).toEqual({ ok: false, error: "notAnImage" });
    expect(await processPhoto(Buffer.alloc(0))).toEqual({ ok: false, error: "notAnImage" });
  });

  it("refuses images of other types: GIF, SVG (which can carry scripts), TIFF", async () => {
    expect(await processPhoto(await makeImage(450, 600, "gif"))).toEqual({ ok: false, error: "unsupportedType" });
    const svg = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="450" height="600"><script>alert(1)</script></svg>');
    expect(await processPhoto(svg)).toEqual({ ok: false, error: "unsupportedType" });
    const tiff = await sharp({ create: { width: 450, height: 600, channels: 3, background: "#fff" } }).tiff().toBuffer();
    expect(await processPhoto(tiff)).toEqual({ ok: false, error: "unsupportedType" });
  });
});

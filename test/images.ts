import { crc32 } from "node:zlib";
import sharp from "sharp";

/** A solid-colour image made by sharp, as a phone or scanner would send it. */
export function makeImage(
  width: number,
  height: number,
  format: "jpeg" | "png" | "webp" | "gif" = "jpeg",
  background = "#3366aa",
) {
  return sharp({ create: { width, height, channels: 3, background } }).toFormat(format).toBuffer();
}

/** A JPEG carrying everything a phone puts in a photo: EXIF with the camera and GPS position, XMP, an ICC profile. */
export function makeJpegWithMetadata(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: "#3366aa" } })
    .withIccProfile("p3")
    .withExif({
      IFD0: { Make: "TestCam", Model: "Serial-0042", Copyright: "Observer" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "37/1 57/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "58/1 23/1 0/1" },
    })
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
        '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Observer"/></rdf:RDF></x:xmpmeta>',
    )
    .jpeg()
    .toBuffer();
}

/** Whether EXIF data (as sharp's metadata().exif gives it) points at a GPS directory (tag 0x8825 in IFD0). */
export function exifHasGps(exif: Buffer) {
  const tiff = exif.subarray(exif.indexOf("Exif\0\0") + 6);
  const little = tiff.toString("latin1", 0, 2) === "II";
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd0 = u32(4);
  const count = u16(ifd0);
  for (let i = 0; i < count; i++) if (u16(ifd0 + 2 + i * 12) === 0x8825) return true;
  return false;
}

/** The markers of a JPEG's header segments, up to the image data (0xE0 = APP0 … 0xED = APP13 …). */
export function jpegSegmentMarkers(jpeg: Buffer) {
  const markers: number[] = [];
  let at = 2; // after SOI
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff) {
    const marker = jpeg[at + 1]!;
    markers.push(marker);
    if (marker === 0xda) break; // start of scan: the image data follows
    at += 2 + jpeg.readUInt16BE(at + 2);
  }
  return markers;
}

/**
 * A small real PNG whose header claims other dimensions (with a valid checksum, so decoders
 * believe it): what a decompression bomb looks like before anyone decodes it.
 */
export async function pngClaimingSize(width: number, height: number) {
  const png = Buffer.from(await makeImage(8, 8, "png"));
  // Signature (8 bytes), then the IHDR chunk: length (4), "IHDR" (4), width (4), height (4), …, CRC.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

/** A PNG of random pixels: noise does not compress, so its size in bytes is known in advance. */
export function noisePng(width: number, height: number) {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (Math.random() * 256) | 0;
  return sharp(pixels, { raw: { width, height, channels: 3 } }).png({ compressionLevel: 1 }).toBuffer();
}

/** The colour of one pixel of an image, as [r, g, b]. */
export async function pixelAt(image: Buffer, x: number, y: number) {
  const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [data[at]!, data[at + 1]!, data[at + 2]!];
}

/** A small PDF as the checks see one: the header, a page, a trailer and the end-of-file marker. */
export function makePdf(text = "Request for accreditation") {
  return Buffer.from(
    [
      "%PDF-1.4",
      "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
      "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
      "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj",
      `4 0 obj << /Length ${text.length + 30} >> stream`,
      `BT /F1 12 Tf 72 770 Td (${text}) Tj ET`,
      "endstream endobj",
      "trailer << /Root 1 0 R >>",
      "%%EOF",
      "",
    ].join("\n"),
    "latin1",
  );
}

import { createHash } from "node:crypto";
import sharp from "sharp";
import type { ValidationKey } from "@/lib/forms";
import { isImageType, isPhotoInputType, sniffMediaType } from "./sniff";

/** An observer's photo as uploaded: the limits of the accreditation rules. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_MIN_WIDTH = 400;
export const PHOTO_MIN_HEIGHT = 500;
/** Stored photos are at most this long on their long side: enough for a badge, small to serve. */
export const PHOTO_MAX_LONG_SIDE = 1200;
/**
 * A few kilobytes of PNG or JPEG can declare a gigapixel image that takes gigabytes to decode.
 * 40 MP is more than any phone camera and far less than what would hurt the server.
 */
export const PHOTO_MAX_INPUT_PIXELS = 40_000_000;
const JPEG_QUALITY = 85;

export const photoErrors = [
  "notAnImage",
  "unsupportedType",
  "tooLarge",
  "tooSmall",
  "notPortrait",
  "tooManyPixels",
  "corrupt",
] as const;
export type PhotoError = (typeof photoErrors)[number];

/** The message (a key of the `validation` namespace) shown for each refusal. */
export const photoErrorMessages = {
  notAnImage: "photoNotAnImage",
  unsupportedType: "photoUnsupportedType",
  tooLarge: "photoTooLarge",
  tooSmall: "photoTooSmall",
  notPortrait: "photoNotPortrait",
  tooManyPixels: "photoTooManyPixels",
  corrupt: "photoCorrupt",
} as const satisfies Record<PhotoError, ValidationKey>;

export type ProcessedPhoto = {
  buffer: Buffer;
  mediaType: "image/jpeg";
  width: number;
  height: number;
  sha256: string;
};

export type PhotoResult = { ok: true; photo: ProcessedPhoto } | { ok: false; error: PhotoError };

const refuse = (error: PhotoError): PhotoResult => ({ ok: false, error });

/** Dimensions as the image is meant to be seen, from its header alone; null if sharp cannot read it. */
async function readHeader(bytes: Uint8Array) {
  try {
    // Reading metadata parses the header only, so it is safe before the pixel count is known.
    const metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
    return {
      format: metadata.format,
      pixels: metadata.width * metadata.height,
      width: metadata.autoOrient.width,
      height: metadata.autoOrient.height,
    };
  } catch {
    return null;
  }
}

/**
 * Checks an uploaded photo by its bytes and re-encodes it: turned upright by its EXIF
 * orientation, at most PHOTO_MAX_LONG_SIDE px, JPEG in sRGB, and without any metadata (EXIF with
 * GPS position and camera serials, XMP, IPTC, ICC profiles): sharp keeps none unless asked to.
 */
export async function processPhoto(bytes: Uint8Array): Promise<PhotoResult> {
  if (bytes.length > PHOTO_MAX_BYTES) return refuse("tooLarge");
  const type = sniffMediaType(bytes);
  if (!isImageType(type)) return refuse("notAnImage");
  if (!isPhotoInputType(type)) return refuse("unsupportedType");

  const header = await readHeader(bytes);
  // sharp must read the bytes as the type they start like; anything else is a damaged file.
  if (!header || `image/${header.format}` !== type) return refuse("corrupt");
  if (header.pixels > PHOTO_MAX_INPUT_PIXELS) return refuse("tooManyPixels");
  if (header.height <= header.width) return refuse("notPortrait");
  if (header.width < PHOTO_MIN_WIDTH || header.height < PHOTO_MIN_HEIGHT) return refuse("tooSmall");

  try {
    const { data, info } = await sharp(bytes, {
      // Checked above from the header; sharp checks again against what the decoder reports.
      limitInputPixels: PHOTO_MAX_INPUT_PIXELS,
      autoOrient: true,
      failOn: "warning",
    })
      .resize({
        width: PHOTO_MAX_LONG_SIDE,
        height: PHOTO_MAX_LONG_SIDE,
        fit: "inside",
        withoutEnlargement: true,
      })
      // A transparent PNG becomes a photo on white, as if printed, rather than on black.
      .flatten({ background: "#ffffff" })
      .toColourspace("srgb")
      .jpeg({ quality: JPEG_QUALITY })
      .toBuffer({ resolveWithObject: true });
    return {
      ok: true,
      photo: {
        buffer: data,
        mediaType: "image/jpeg",
        width: info.width,
        height: info.height,
        sha256: createHash("sha256").update(data).digest("hex"),
      },
    };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) return refuse("tooManyPixels");
    return refuse("corrupt");
  }
}

/**
 * What a file is, by its first bytes. A file's name and the type a browser declares are the
 * uploader's claims; only the bytes decide what the portal accepts and how it serves them.
 */
export type SniffedType =
  | "image/jpeg"
  | "image/png"
  | "image/webp"
  | "image/gif"
  | "image/bmp"
  | "image/tiff"
  | "image/heic"
  | "image/avif"
  | "image/svg+xml"
  | "application/pdf"
  | "application/zip";

/** Images the portal accepts as photos; every other image type is recognised only to be refused clearly. */
export const photoInputTypes = ["image/jpeg", "image/png", "image/webp"] as const satisfies readonly SniffedType[];

export type PhotoInputType = (typeof photoInputTypes)[number];

export function isImageType(type: SniffedType | null): boolean {
  return type !== null && type.startsWith("image/");
}

export function isPhotoInputType(type: string | null): type is PhotoInputType {
  return (photoInputTypes as readonly (string | null)[]).includes(type);
}

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0) {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

/** ISO base media files (HEIC from phones, AVIF) name their brand in the leading `ftyp` box. */
function isoBrand(bytes: Uint8Array): "image/heic" | "image/avif" | null {
  if (!startsWith(bytes, ascii("ftyp"), 4)) return null;
  const brand = String.fromCharCode(...bytes.subarray(8, 12));
  if (["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"].includes(brand)) return "image/heic";
  if (["avif", "avis"].includes(brand)) return "image/avif";
  return null;
}

/**
 * SVG is text, so it has no magic number: a document whose first element is `<svg`, after an
 * optional BOM, XML declaration, comments and doctype. It can carry scripts, so it is never a photo.
 */
function isSvg(bytes: Uint8Array) {
  const head = bytes.subarray(0, 4096);
  let text: string;
  if (startsWith(head, [0xff, 0xfe])) text = new TextDecoder("utf-16le").decode(head.subarray(2));
  else if (startsWith(head, [0xfe, 0xff])) text = new TextDecoder("utf-16be").decode(head.subarray(2));
  else text = new TextDecoder("utf-8").decode(head).replace(/^\uFEFF/, "");
  return /^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>/:]/i.test(text);
}

export function sniffMediaType(bytes: Uint8Array): SniffedType | null {
  if (startsWith(bytes, JPEG)) return "image/jpeg";
  if (startsWith(bytes, PNG)) return "image/png";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "image/gif";
  if (startsWith(bytes, ascii("%PDF-"))) return "application/pdf";
  // A local file header, or the end record of an empty archive.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return "application/zip";
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return "image/tiff";
  // "BM" alone is too common in text; the header's reserved fields must be zero as well.
  if (startsWith(bytes, ascii("BM")) && bytes.length >= 26 && startsWith(bytes, [0, 0, 0, 0], 6)) return "image/bmp";
  const brand = isoBrand(bytes);
  if (brand) return brand;
  if (isSvg(bytes)) return "image/svg+xml";
  return null;
}

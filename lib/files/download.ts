import type { FileForDownload } from "./store";

/** Images the browser may show in place; everything else (a letter's PDF) is saved, not opened. */
const inlineTypes = new Set(["image/jpeg", "image/png", "image/webp"]);

/** RFC 5987 `ext-value` characters: encodeURIComponent leaves ' ( ) * as they are, which it must not. */
function encodeRfc5987(value: string) {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `Content-Disposition` with the name twice: `filename*` in UTF-8 (RFC 6266 / 5987) for every
 * current browser, and an ASCII `filename` for anything older, with what it cannot say replaced.
 */
export function contentDisposition(type: "inline" | "attachment", fileName: string) {
  const ascii = fileName.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^\x20-\x7e]|["\\%;]/g, "_");
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/**
 * The response of a file route. The route handler decides first whether the signed-in actor may
 * have this file (by the domain row that points at it) and answers 404 otherwise; this helper
 * only says how authorized bytes are sent: never cached by anyone, never sniffed into another
 * type, never framed, and never shown inline unless an image.
 */
export function fileResponse(file: Pick<FileForDownload, "mediaType" | "byteSize" | "sha256" | "originalName" | "content">) {
  const disposition = inlineTypes.has(file.mediaType) ? "inline" : "attachment";
  const body = new Uint8Array(file.content.buffer as ArrayBuffer, file.content.byteOffset, file.content.byteLength);
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": file.mediaType,
      "Content-Length": String(file.byteSize),
      "Content-Disposition": contentDisposition(disposition, file.originalName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      ETag: `"${file.sha256}"`,
      // Another site cannot embed a private photo even if the browser sent the cookie along.
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}

/** Stored names are at most this many characters (the database checks it too). */
export const FILE_NAME_MAX_LENGTH = 200;

/**
 * An uploader's file name made safe to keep and to offer back as a download name: no folders, no
 * control or invisible formatting characters (a right-to-left override can make "gpj.exe" read as
 * "exe.jpg"), none of the characters Windows forbids, at most FILE_NAME_MAX_LENGTH characters with
 * the extension kept. A name with nothing left becomes `fallback`.
 */
export function sanitizeFileName(name: string, fallback = "file") {
  const cleaned = (name.split(/[/\\]/).pop() ?? "")
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, "")
    .replace(/[<>:"|?*]/g, "_")
    .replace(/\s+/g, " ")
    // Leading dots hide a file on Unix; trailing dots and spaces vanish on Windows.
    .replace(/^[\s.]+|[\s.]+$/g, "");
  return truncateKeepingExtension(cleaned || fallback, FILE_NAME_MAX_LENGTH);
}

function truncateKeepingExtension(name: string, max: number) {
  const chars = Array.from(name); // code points, so a surrogate pair is never cut in half
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (extension.length === 0 || extension.length > 16) return chars.slice(0, max).join("");
  return chars.slice(0, max - extension.length).join("").trimEnd() + extension.join("");
}

/** What the portal stores, by the bytes (lib/files/sniff.ts), with the extensions each goes by. */
export const storedMediaTypes = {
  "image/jpeg": [".jpg", ".jpeg"],
  "image/png": [".png"],
  "image/webp": [".webp"],
  "application/pdf": [".pdf"],
} as const;
export type StoredMediaType = keyof typeof storedMediaTypes;

const knownExtensions: readonly string[] = Object.values(storedMediaTypes).flat();

/**
 * The sanitized name with an extension that says what the bytes are: a PNG stored re-encoded as
 * JPEG is offered as "photo.jpg", a PDF sent as "letter.jpg" as "letter.pdf", "notes.txt" that is
 * a PDF as "notes.txt.pdf".
 */
export function fileNameFor(name: string, mediaType: StoredMediaType) {
  const safe = sanitizeFileName(name);
  const extensions: readonly string[] = storedMediaTypes[mediaType];
  const dot = safe.lastIndexOf(".");
  const current = dot > 0 ? safe.slice(dot).toLowerCase() : "";
  if (extensions.includes(current)) return safe;
  const stem = knownExtensions.includes(current) ? safe.slice(0, dot) : safe;
  return truncateKeepingExtension(stem + extensions[0], FILE_NAME_MAX_LENGTH);
}

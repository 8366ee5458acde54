import type { ValidationKey } from "@/lib/forms";

/** The official request letter of a mission: a PDF of at most 10 MB. */
export const LETTER_MAX_BYTES = 10 * 1024 * 1024;
/** PDF readers look for the end-of-file marker in the last kilobyte; so do we. */
const EOF_SEARCH_WINDOW = 1024;

export type LetterError = "notPdf" | "tooLarge";

export const letterErrorMessages = {
  notPdf: "letterNotPdf",
  tooLarge: "letterTooLarge",
} as const satisfies Record<LetterError, ValidationKey>;

export type LetterResult = { ok: true; mediaType: "application/pdf" } | { ok: false; error: LetterError };

const HEADER = Buffer.from("%PDF-", "latin1");
const EOF_MARKER = Buffer.from("%%EOF", "latin1");

/**
 * Checks by its bytes that a letter is a whole PDF: the `%PDF-` header first, and `%%EOF` near the
 * end (a truncated upload has none). The file is stored as sent and always downloaded as an
 * attachment, never shown inline, so its insides are not parsed here.
 */
export function checkLetter(bytes: Uint8Array): LetterResult {
  return checkPdf(bytes, LETTER_MAX_BYTES);
}

/** Any whole PDF of at most `maxBytes` (a letter, a statement's attachment), checked as checkLetter says. */
export function checkPdf(bytes: Uint8Array, maxBytes: number): LetterResult {
  if (bytes.length > maxBytes) return { ok: false, error: "tooLarge" };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < HEADER.length + EOF_MARKER.length || !buffer.subarray(0, HEADER.length).equals(HEADER)) {
    return { ok: false, error: "notPdf" };
  }
  const tail = buffer.subarray(Math.max(HEADER.length, buffer.length - EOF_SEARCH_WINDOW));
  if (!tail.includes(EOF_MARKER)) return { ok: false, error: "notPdf" };
  return { ok: true, mediaType: "application/pdf" };
}

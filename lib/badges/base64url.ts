/**
 * base64url without padding (RFC 7515), for the server and the phone alike (atob and btoa, no Buffer).
 * Decoders ignore the unused low bits of a segment's last character, so "…w" and "…x" can name the
 * same bytes: a token is genuine only as the signer wrote it, never in a second spelling.
 */

export const fromBase64Url = (text: string) => Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));

const toBase64Url = (bytes: Uint8Array) =>
  btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(""))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");

/** Whether the text is base64url exactly as an encoder writes it: decoding and encoding again gives it back. */
export function isCanonicalBase64Url(text: string) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return false;
  try {
    return toBase64Url(fromBase64Url(text)) === text;
  } catch {
    return false;
  }
}

/**
 * A search passage is cut from the statement's Markdown (ts_headline works on the stored text),
 * so it may hold any piece of Markdown syntax, whole or cut in half. This leaves the words: link
 * texts without addresses, no heading, quote, list or emphasis marks, no table rules or pipes.
 * The match marks \u0002 and \u0003 are kept.
 */
export function snippetText(passage: string): string {
  return passage
    .replace(/!?\[([^\]]*)\]\([^)\s]*\)?/g, "$1")
    .replace(/\]\([^)\s]*\)?/g, " ")
    .replace(/\[([^\]]*)$/, "$1")
    .replace(/<(https?:\/\/[^>\s]+)>/g, "$1")
    .replace(/\|?(\s*:?-{3,}:?\s*\|)+(\s*:?-{3,}:?\s*)?/g, " ")
    .replace(/\s*\|\s*/g, " ")
    .replace(/(^|\s)(#{1,6}|>|[-+*]|\d+\.)(?=\s)/g, "$1")
    .replace(/(\*\*|__|~~|[*`])/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

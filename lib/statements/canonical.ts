import { createHash } from "node:crypto";

/** What a published version says, in the order the hash reads it. */
export type CanonicalVersion = {
  statementId: string;
  number: number;
  kind: string;
  originalLanguage: string;
  otherLanguageName: string | null;
  texts: { language: string; isOriginal: boolean; title: string; body: string }[];
  attachments: { name: string; sha256: string }[];
};

/**
 * The canonical content of a version: JSON with keys in a fixed order, texts sorted by language
 * (the original first), attachments in their order, strings in Unicode NFC with LF line ends. Anyone
 * holding the published words can recompute the SHA-256 shown beside them.
 */
export function canonicalContent(version: CanonicalVersion): string {
  const text = (s: string) => s.normalize("NFC").replace(/\r\n?/g, "\n");
  const texts = [...version.texts].sort((a, b) => Number(b.isOriginal) - Number(a.isOriginal) || a.language.localeCompare(b.language));
  return JSON.stringify({
    statement: version.statementId,
    version: version.number,
    kind: version.kind,
    originalLanguage: version.originalLanguage,
    otherLanguageName: version.otherLanguageName === null ? null : text(version.otherLanguageName),
    texts: texts.map((t) => ({ language: t.language, original: t.isOriginal, title: text(t.title), body: text(t.body) })),
    attachments: version.attachments.map((a) => ({ name: text(a.name), sha256: a.sha256 })),
  });
}

export function contentHash(version: CanonicalVersion): string {
  return createHash("sha256").update(canonicalContent(version), "utf8").digest("hex");
}

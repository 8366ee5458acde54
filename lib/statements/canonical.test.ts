import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalContent, contentHash, type CanonicalVersion } from "./canonical";

const version: CanonicalVersion = {
  statementId: "5b0f4ae1-8a3e-4d5c-9a57-1f1b1c1d1e1f",
  number: 1,
  kind: "preliminary",
  originalLanguage: "en",
  otherLanguageName: null,
  texts: [
    { language: "ru", isOriginal: false, title: "Заявление", body: "Текст" },
    { language: "en", isOriginal: true, title: "Statement", body: "Line one\r\nLine two" },
  ],
  attachments: [{ name: "report.pdf", sha256: "a".repeat(64) }],
};

describe("canonical content", () => {
  it("puts the original first, then translations by language, with LF line ends", () => {
    const parsed = JSON.parse(canonicalContent(version)) as { texts: { language: string; body: string }[] };
    expect(parsed.texts.map((t) => t.language)).toEqual(["en", "ru"]);
    expect(parsed.texts[0]!.body).toBe("Line one\nLine two");
  });

  it("is the SHA-256 of the canonical JSON, the same whatever order or normalization the words came in", () => {
    const hash = contentHash(version);
    expect(hash).toBe(createHash("sha256").update(canonicalContent(version)).digest("hex"));
    const decomposed = { ...version, texts: [...version.texts].reverse().map((t) => ({ ...t, title: t.title.normalize("NFD") })) };
    expect(contentHash(decomposed)).toBe(hash);
    expect(contentHash({ ...version, number: 2 })).not.toBe(hash);
    expect(contentHash({ ...version, texts: [{ ...version.texts[1]!, body: "Line one" }, version.texts[0]!] })).not.toBe(hash);
  });
});

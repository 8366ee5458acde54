import { describe, expect, it } from "vitest";
import { FILE_NAME_MAX_LENGTH, fileNameFor, sanitizeFileName } from "./names";

describe("sanitizeFileName", () => {
  it("keeps an ordinary name, in any script", () => {
    expect(sanitizeFileName("Request letter.pdf")).toBe("Request letter.pdf");
    expect(sanitizeFileName("Письмо ОБСЕ №12.pdf")).toBe("Письмо ОБСЕ №12.pdf");
    expect(sanitizeFileName("Haty ýüz tutma.pdf")).toBe("Haty ýüz tutma.pdf");
  });

  it("drops folders, whether sent with / or \\", () => {
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName("C:\\Users\\anna\\photo.jpg")).toBe("photo.jpg");
  });

  it("removes control and invisible formatting characters, such as a right-to-left override", () => {
    expect(sanitizeFileName("invoice\u202Egpj.exe")).toBe("invoicegpj.exe");
    expect(sanitizeFileName("a\u0000b\nc\u200Bd.pdf")).toBe("abcd.pdf");
  });

  it("replaces characters Windows forbids and trims dots and spaces at the ends", () => {
    expect(sanitizeFileName('what? "this" <is>|*.pdf')).toBe("what_ _this_ _is___.pdf");
    expect(sanitizeFileName("  .hidden.pdf. ")).toBe("hidden.pdf");
  });

  it("falls back when nothing is left", () => {
    expect(sanitizeFileName("")).toBe("file");
    expect(sanitizeFileName("...")).toBe("file");
    expect(sanitizeFileName("/", "letter.pdf")).toBe("letter.pdf");
  });

  it("shortens to 200 characters, keeping the extension and whole characters", () => {
    const long = sanitizeFileName(`${"ы".repeat(300)}.pdf`);
    expect(Array.from(long)).toHaveLength(FILE_NAME_MAX_LENGTH);
    expect(long.endsWith("ы.pdf")).toBe(true);
    const emoji = sanitizeFileName("😀".repeat(250));
    expect(Array.from(emoji)).toHaveLength(FILE_NAME_MAX_LENGTH);
    expect(emoji).toBe("😀".repeat(FILE_NAME_MAX_LENGTH));
  });
});

describe("fileNameFor", () => {
  it("gives the name the extension of what the bytes are", () => {
    expect(fileNameFor("portrait.png", "image/jpeg")).toBe("portrait.jpg");
    expect(fileNameFor("portrait.JPEG", "image/jpeg")).toBe("portrait.JPEG");
    expect(fileNameFor("letter.jpg", "application/pdf")).toBe("letter.pdf");
    expect(fileNameFor("notes.txt", "application/pdf")).toBe("notes.txt.pdf");
    expect(fileNameFor("scan", "application/pdf")).toBe("scan.pdf");
    expect(fileNameFor("", "image/jpeg")).toBe("file.jpg");
  });

  it("stays within 200 characters with the new extension", () => {
    const name = fileNameFor(`${"a".repeat(200)}.png`, "image/jpeg");
    expect(name).toHaveLength(FILE_NAME_MAX_LENGTH);
    expect(name.endsWith("a.jpg")).toBe(true);
  });
});

import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { makeImage, makePdf } from "@/test/images";
import { contentDisposition, fileResponse } from "./download";

function stored(content: Buffer, mediaType: string, originalName: string) {
  return { content, mediaType, originalName, byteSize: content.length, sha256: createHash("sha256").update(content).digest("hex") };
}

describe("contentDisposition", () => {
  it("names the file in UTF-8 (RFC 5987) and in ASCII for older clients", () => {
    expect(contentDisposition("attachment", "letter.pdf")).toBe(`attachment; filename="letter.pdf"; filename*=UTF-8''letter.pdf`);
    expect(contentDisposition("attachment", "Письмо №1.pdf")).toBe(
      `attachment; filename="______ No1.pdf"; filename*=UTF-8''%D0%9F%D0%B8%D1%81%D1%8C%D0%BC%D0%BE%20%E2%84%961.pdf`,
    );
  });

  it("keeps Latin letters with accents readable in the ASCII name", () => {
    expect(contentDisposition("inline", "Aşgabat ýüz.jpg")).toMatch(/^inline; filename="Asgabat yuz\.jpg"; filename\*=UTF-8''A%C5%9Fgabat%20%C3%BD%C3%BCz\.jpg$/);
  });

  it("cannot be broken out of: quotes, backslashes, semicolons and ' ( ) * are escaped", () => {
    const header = contentDisposition("attachment", `a"; filename=evil.html; x=\\(1)*'.pdf`);
    const [, ascii, encoded] = /^attachment; filename="([^"]*)"; filename\*=UTF-8''(\S+)$/.exec(header)!;
    expect(ascii).toBe("a__ filename=evil.html_ x=_(1)*'.pdf");
    expect(encoded).not.toMatch(/["'()*;\\ ]/);
    expect(decodeURIComponent(encoded!)).toBe(`a"; filename=evil.html; x=\\(1)*'.pdf`);
  });
});

describe("fileResponse", () => {
  it("sends a letter as an attachment that nobody caches or sniffs", async () => {
    const pdf = makePdf();
    const file = stored(pdf, "application/pdf", "Request letter.pdf");
    const response = fileResponse(file);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-length")).toBe(String(pdf.length));
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="Request letter.pdf"; filename*=UTF-8''Request%20letter.pdf`,
    );
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("etag")).toBe(`"${file.sha256}"`);
    expect(response.headers.get("cross-origin-resource-policy")).toBe("same-origin");
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it("shows photos inline", async () => {
    const jpeg = await makeImage(40, 50);
    const response = fileResponse(stored(jpeg, "image/jpeg", "photo.jpg"));
    expect(response.headers.get("content-disposition")).toMatch(/^inline; /);
    expect(Buffer.from(await response.arrayBuffer()).equals(jpeg)).toBe(true);
  });

  it("sends only the file's own bytes when its buffer is a view into a larger one", async () => {
    const pool = Buffer.from("xxxx%PDF-1.4 body %%EOFyyyy");
    const view = pool.subarray(4, pool.length - 4);
    const response = fileResponse(stored(view, "application/pdf", "a.pdf"));
    expect(Buffer.from(await response.arrayBuffer()).toString()).toBe("%PDF-1.4 body %%EOF");
  });
});

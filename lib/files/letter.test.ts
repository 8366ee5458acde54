import { describe, expect, it } from "vitest";
import { makeImage, makePdf } from "@/test/images";
import { LETTER_MAX_BYTES, checkLetter } from "./letter";

describe("checkLetter", () => {
  it("accepts a PDF by its header and end marker, with a trailing newline or not", () => {
    expect(checkLetter(makePdf())).toEqual({ ok: true, mediaType: "application/pdf" });
    expect(checkLetter(makePdf().subarray(0, makePdf().length - 1))).toEqual({ ok: true, mediaType: "application/pdf" });
  });

  it("accepts an end marker within the last kilobyte (some writers append bytes after it)", () => {
    const padded = Buffer.concat([makePdf(), Buffer.alloc(1000, 0x20)]);
    expect(checkLetter(padded).ok).toBe(true);
    const tooFar = Buffer.concat([makePdf(), Buffer.alloc(1100, 0x20)]);
    expect(checkLetter(tooFar)).toEqual({ ok: false, error: "notPdf" });
  });

  it("refuses a truncated PDF (no end marker)", () => {
    const pdf = makePdf();
    expect(checkLetter(pdf.subarray(0, pdf.length - 10))).toEqual({ ok: false, error: "notPdf" });
  });

  it("refuses what is not a PDF, whatever it is called", async () => {
    expect(checkLetter(await makeImage(10, 10))).toEqual({ ok: false, error: "notPdf" });
    expect(checkLetter(Buffer.from("Dear Commission, … %%EOF"))).toEqual({ ok: false, error: "notPdf" });
    expect(checkLetter(Buffer.from("%PDF-"))).toEqual({ ok: false, error: "notPdf" });
    expect(checkLetter(Buffer.from(" %PDF-1.7\n%%EOF"))).toEqual({ ok: false, error: "notPdf" });
    expect(checkLetter(Buffer.alloc(0))).toEqual({ ok: false, error: "notPdf" });
  });

  it("refuses more than 10 MB, and accepts exactly 10 MB", () => {
    const exact = Buffer.alloc(LETTER_MAX_BYTES, 0x20);
    makePdf().copy(exact, 0);
    Buffer.from("%%EOF\n").copy(exact, LETTER_MAX_BYTES - 6);
    expect(checkLetter(exact).ok).toBe(true);
    const over = Buffer.concat([exact, Buffer.from(" ")]);
    expect(checkLetter(over)).toEqual({ ok: false, error: "tooLarge" });
  });
});

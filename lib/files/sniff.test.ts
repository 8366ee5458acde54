import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { makeImage, makePdf } from "@/test/images";
import { buildZip } from "@/test/zip-writer";
import { isImageType, isPhotoInputType, sniffMediaType } from "./sniff";

const bytes = (...values: (number | string)[]) =>
  Buffer.concat(values.map((v) => (typeof v === "string" ? Buffer.from(v, "latin1") : Buffer.from([v]))));

describe("sniffMediaType", () => {
  it("recognises the images sharp writes by their first bytes", async () => {
    expect(sniffMediaType(await makeImage(4, 4, "jpeg"))).toBe("image/jpeg");
    expect(sniffMediaType(await makeImage(4, 4, "png"))).toBe("image/png");
    expect(sniffMediaType(await makeImage(4, 4, "webp"))).toBe("image/webp");
    expect(sniffMediaType(await makeImage(4, 4, "gif"))).toBe("image/gif");
    const tiff = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#fff" } }).tiff().toBuffer();
    expect(sniffMediaType(tiff)).toBe("image/tiff");
  });

  it("recognises PDF and ZIP (an empty archive too)", () => {
    expect(sniffMediaType(makePdf())).toBe("application/pdf");
    expect(sniffMediaType(buildZip([{ name: "a.txt", data: Buffer.from("a") }]))).toBe("application/zip");
    expect(sniffMediaType(buildZip([]))).toBe("application/zip");
  });

  it("recognises phone formats it must refuse clearly: HEIC and AVIF by their brand, BMP by its header", () => {
    expect(sniffMediaType(bytes(0, 0, 0, 0x18, "ftypheic", 0, 0, 0, 0, "mif1heic"))).toBe("image/heic");
    expect(sniffMediaType(bytes(0, 0, 0, 0x1c, "ftypavif", 0, 0, 0, 0, "avifmif1"))).toBe("image/avif");
    expect(sniffMediaType(bytes(0, 0, 0, 0x18, "ftypisom", 0, 0, 0, 0))).toBeNull(); // an MP4 video
    expect(sniffMediaType(bytes("BM", 0x46, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 0x28, ...Array(11).fill(0)))).toBe("image/bmp");
    expect(sniffMediaType(Buffer.from("BMW drivers' handbook, chapter one"))).toBeNull();
  });

  it("finds SVG behind a BOM, an XML declaration, comments and a doctype, in UTF-8 and UTF-16", () => {
    const svg = '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- drawn by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x">\n<svg xmlns="http://www.w3.org/2000/svg"/>';
    expect(sniffMediaType(Buffer.from(svg, "utf8"))).toBe("image/svg+xml");
    expect(sniffMediaType(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("<svg onload='x'>", "utf16le")]))).toBe("image/svg+xml");
    expect(sniffMediaType(Buffer.from("  <SVG\nviewBox='0 0 1 1'>"))).toBe("image/svg+xml");
    expect(sniffMediaType(Buffer.from("<svgfoo>"))).toBeNull();
    expect(sniffMediaType(Buffer.from("<html><svg></svg></html>"))).toBeNull();
  });

  it("never goes by what a name or text claims", () => {
    expect(sniffMediaType(Buffer.from("photo.jpg"))).toBeNull();
    expect(sniffMediaType(Buffer.alloc(0))).toBeNull();
    expect(sniffMediaType(Buffer.from([0xff, 0xd8]))).toBeNull(); // too short to be a JPEG
    expect(sniffMediaType(bytes("RIFF", 0, 0, 0, 0, "WAVE"))).toBeNull(); // RIFF, but audio
  });

  it("tells images from the rest", () => {
    expect(isImageType("image/svg+xml")).toBe(true);
    expect(isImageType("application/pdf")).toBe(false);
    expect(isImageType(null)).toBe(false);
    expect(isPhotoInputType("image/webp")).toBe(true);
    expect(isPhotoInputType("image/gif")).toBe(false);
    expect(isPhotoInputType(null)).toBe(false);
  });
});

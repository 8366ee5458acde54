import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { exifHasGps, makeJpegWithMetadata, makePdf } from "@/test/images";
import { PHOTO_MAX_BYTES, PHOTO_MAX_INPUT_PIXELS } from "@/lib/files/photo";
import { chosenFile, observerPhoto, uploaded } from "./uploads";

/** An observer form posting `bytes` as its photo under `name`, as a browser sends it. */
function formWithPhoto(bytes: Buffer, name: string, type = "image/jpeg") {
  const form = new FormData();
  form.set("surname", "Yusupova");
  form.set("photo", new File([new Uint8Array(bytes)], name, { type }));
  return form;
}

describe("observerPhoto, as the observer forms receive a photo", () => {
  it("stores a phone photo without its EXIF, so without the GPS position where it was taken", async () => {
    const input = await makeJpegWithMetadata(600, 800);
    expect(exifHasGps((await sharp(input).metadata()).exif!)).toBe(true);

    const result = await observerPhoto(formWithPhoto(input, "IMG_0042.jpg"));
    if (!("photo" in result) || !result.photo) throw new Error("expected a stored photo");
    const stored = await sharp(result.photo.buffer).metadata();
    expect(stored.format).toBe("jpeg");
    expect(stored.exif).toBeUndefined();
    expect(result.photo.buffer.includes("GPS")).toBe(false);
  });

  it("refuses a PDF renamed photo.jpg and sent as image/jpeg", async () => {
    expect(await observerPhoto(formWithPhoto(makePdf(), "photo.jpg"))).toEqual({ fieldErrors: { photo: "photoNotAnImage" } });
  });

  it("refuses an SVG carrying a script, whatever it is called", async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="450" height="600" onload="alert(1)"><script>fetch("/api/me/personal-data")</script></svg>');
    expect(await observerPhoto(formWithPhoto(svg, "photo.jpg"))).toEqual({ fieldErrors: { photo: "photoUnsupportedType" } });
    expect(await observerPhoto(formWithPhoto(svg, "photo.svg", "image/svg+xml"))).toEqual({ fieldErrors: { photo: "photoUnsupportedType" } });
  });

  it("refuses a real PNG decompression bomb: 45 megapixels of one colour in a small file", async () => {
    const bomb = await sharp({ create: { width: 5_000, height: 9_000, channels: 3, background: "#fff" } }).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(PHOTO_MAX_BYTES / 10);
    expect(5_000 * 9_000).toBeGreaterThan(PHOTO_MAX_INPUT_PIXELS);
    expect(await observerPhoto(formWithPhoto(bomb, "photo.png", "image/png"))).toEqual({ fieldErrors: { photo: "photoTooManyPixels" } });
  });

  it("takes an empty file input, or none, as no photo", async () => {
    expect(await observerPhoto(formWithPhoto(Buffer.alloc(0), ""))).toEqual({ photo: null });
    expect(await observerPhoto(new FormData())).toEqual({ photo: null });
  });
});

describe("chosenFile, as the list import receives its file", () => {
  it("keeps an empty file the user chose, so the import can say it is empty; a file input left empty is no file", async () => {
    const chosen = new FormData();
    chosen.set("file", new File([], "observers.csv", { type: "text/csv" }));
    expect(await chosenFile(chosen, "file")).toEqual({ bytes: Buffer.alloc(0), name: "observers.csv" });
    expect(await uploaded(chosen, "file")).toBeNull();

    const leftEmpty = new FormData();
    leftEmpty.set("file", new File([], "", { type: "application/octet-stream" }));
    expect(await chosenFile(leftEmpty, "file")).toBeNull();
    expect(await chosenFile(new FormData(), "file")).toBeNull();
  });
});

import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { makeImage, makeJpegWithMetadata, makePdf } from "@/test/images";
import { buildZip } from "@/test/zip-writer";
import { PHOTO_MAX_BYTES } from "./photo";
import { ZIP_MAX_PHOTOS, ZIP_MAX_TOTAL_UNCOMPRESSED, normalizePassportNumber, readZipPhotos, type ZipPhotosResult } from "./zip-photos";

const mission = ["AB1234567", "CD7654321", "EF1111111", "GH2222222"];

function entriesOf(result: ZipPhotosResult) {
  if (!result.ok) throw new Error(`expected the archive to be read, got ${result.error}`);
  return result.entries;
}

/** Each entry as "file name: passport → result", which is what a report shows. */
function summary(result: ZipPhotosResult) {
  return entriesOf(result).map((e) => `${e.fileName}: ${e.passportNumber} → ${e.ok ? `${e.photo.width}×${e.photo.height}` : e.error}`);
}

describe("normalizePassportNumber", () => {
  it("compares without case, spaces or full-width digits", () => {
    expect(normalizePassportNumber(" ab 123 4567\t")).toBe("AB1234567");
    expect(normalizePassportNumber("ＡＢ１２３")).toBe("AB123");
  });
});

describe("readZipPhotos", () => {
  it("reads photos named by passport number, in folders or not, whatever the case of the name", async () => {
    const zip = buildZip([
      { name: "AB1234567.jpg", data: await makeJpegWithMetadata(600, 800) },
      { name: "photos/cd7654321.PNG", data: await makeImage(450, 600, "png"), method: "store" },
      { name: "photos\\EF1111111.webp", data: await makeImage(1500, 2000, "webp") },
    ]);
    const result = await readZipPhotos(zip, mission);
    expect(summary(result)).toEqual([
      "AB1234567.jpg: AB1234567 → 600×800",
      "cd7654321.PNG: CD7654321 → 450×600",
      "EF1111111.webp: EF1111111 → 900×1200",
    ]);
    for (const entry of entriesOf(result)) {
      if (!entry.ok) continue;
      const metadata = await sharp(entry.photo.buffer).metadata();
      expect(metadata.format).toBe("jpeg");
      expect(metadata.exif).toBeUndefined();
    }
  });

  it("reports files that name no passport of the mission, twice the same passport, or a bad photo, and goes on", async () => {
    const jpeg = await makeImage(450, 600);
    const zip = buildZip([
      { name: "ZZ9999999.jpg", data: jpeg },
      { name: "holiday (1).jpg", data: jpeg },
      { name: "AB1234567.jpg", data: jpeg },
      { name: "ab1234567.png", data: await makeImage(450, 600, "png") },
      { name: "CD7654321.jpg", data: makePdf() },
      { name: "EF1111111.jpg", data: await makeImage(800, 600) },
      { name: "GH2222222.jpg", data: await makeImage(300, 400) },
    ]);
    expect(summary(await readZipPhotos(zip, mission))).toEqual([
      "ZZ9999999.jpg: ZZ9999999 → unknownPassport",
      "holiday (1).jpg: HOLIDAY(1) → unknownPassport",
      "AB1234567.jpg: AB1234567 → 450×600",
      "ab1234567.png: AB1234567 → duplicatePassport",
      "CD7654321.jpg: CD7654321 → notAnImage",
      "EF1111111.jpg: EF1111111 → notPortrait",
      "GH2222222.jpg: GH2222222 → tooSmall",
    ]);
  });

  it("matches the mission's passport numbers however they were written", async () => {
    const zip = buildZip([{ name: "AB1234567.jpg", data: await makeImage(450, 600) }]);
    expect(summary(await readZipPhotos(zip, ["ab 1234567"]))).toEqual(["AB1234567.jpg: AB1234567 → 450×600"]);
  });

  it("skips folders, hidden files and the __MACOSX twins a Mac adds", async () => {
    const jpeg = await makeImage(450, 600);
    const zip = buildZip([
      { name: "photos/", data: Buffer.alloc(0), method: "store" },
      { name: "photos/AB1234567.jpg", data: jpeg },
      { name: "__MACOSX/photos/._AB1234567.jpg", data: Buffer.from("resource fork") },
      { name: "photos/.DS_Store", data: Buffer.from("finder") },
      { name: "photos/Thumbs.db", data: Buffer.from("thumbnails") },
    ]);
    expect(summary(await readZipPhotos(zip, mission))).toEqual(["AB1234567.jpg: AB1234567 → 450×600"]);
  });

  it("refuses an entry whose header says it inflates beyond 5 MB, without inflating it", async () => {
    const zeros = Buffer.alloc(PHOTO_MAX_BYTES + 1);
    const zip = buildZip([
      { name: "AB1234567.jpg", data: zeros },
      { name: "CD7654321.jpg", data: await makeImage(450, 600) },
    ]);
    expect(zip.length).toBeLessThan(50_000); // the bomb: kilobytes that inflate to megabytes
    expect(summary(await readZipPhotos(zip, mission))).toEqual([
      "AB1234567.jpg: AB1234567 → tooLarge",
      "CD7654321.jpg: CD7654321 → 450×600",
    ]);
  });

  it("stops inflating an entry at 5 MB when its header lies about its size", async () => {
    const zip = buildZip([
      { name: "AB1234567.jpg", data: Buffer.alloc(50 * 1024 * 1024), declaredSize: 1000 },
      { name: "CD7654321.jpg", data: await makeImage(450, 600) },
    ]);
    expect(summary(await readZipPhotos(zip, mission))).toEqual([
      "AB1234567.jpg: AB1234567 → tooLarge",
      "CD7654321.jpg: CD7654321 → 450×600",
    ]);
  });

  it("refuses the whole archive when its headers add up to more than 200 MB", async () => {
    const passports = Array.from({ length: 41 }, (_, i) => `P${String(i).padStart(7, "0")}`);
    const almostFive = Buffer.alloc(PHOTO_MAX_BYTES);
    const zip = buildZip(passports.map((p) => ({ name: `${p}.jpg`, data: almostFive })));
    expect(41 * PHOTO_MAX_BYTES).toBeGreaterThan(ZIP_MAX_TOTAL_UNCOMPRESSED);
    expect(await readZipPhotos(zip, passports)).toEqual({ ok: false, error: "tooLargeTotal" });
  });

  it("refuses the whole archive when what it inflates to passes 200 MB, whatever the headers said", async () => {
    const passports = Array.from({ length: 41 }, (_, i) => `P${String(i).padStart(7, "0")}`);
    const five = Buffer.alloc(PHOTO_MAX_BYTES);
    const zip = buildZip(passports.map((p) => ({ name: `${p}.jpg`, data: five, declaredSize: 100 })));
    expect(await readZipPhotos(zip, passports)).toEqual({ ok: false, error: "tooLargeTotal" });
  });

  it("refuses more than 2,000 photos, and reads exactly 2,000", async () => {
    const tiny = Buffer.from("x");
    const names = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `P${i}.jpg`, data: tiny, method: "store" as const }));
    expect(await readZipPhotos(buildZip(names(ZIP_MAX_PHOTOS + 1)), [])).toEqual({ ok: false, error: "tooManyEntries" });
    const exactly = await readZipPhotos(buildZip(names(ZIP_MAX_PHOTOS)), []);
    expect(entriesOf(exactly)).toHaveLength(ZIP_MAX_PHOTOS);
    expect(entriesOf(exactly).every((e) => !e.ok && e.error === "unknownPassport")).toBe(true);
  });

  it("refuses what is not a ZIP, a damaged one, and one with a name that climbs out of the archive", async () => {
    expect(await readZipPhotos(makePdf(), mission)).toEqual({ ok: false, error: "notZip" });
    const zip = buildZip([{ name: "AB1234567.jpg", data: await makeImage(450, 600) }]);
    expect(await readZipPhotos(zip.subarray(0, zip.length - 30), mission)).toEqual({ ok: false, error: "corrupt" });
    const escaping = buildZip([{ name: "../AB1234567.jpg", data: await makeImage(450, 600) }]);
    expect(await readZipPhotos(escaping, mission)).toEqual({ ok: false, error: "unsafePath" });
  });

  it("reports an entry with broken compressed data and goes on", async () => {
    const good = await makeImage(450, 600);
    const zip = buildZip([
      { name: "AB1234567.jpg", data: good },
      { name: "CD7654321.jpg", data: good },
    ]);
    // Overwrite the first entry's deflate stream (after its 30-byte header and 13-byte name) with an invalid block type.
    zip.fill(0xff, 30 + 13, 30 + 13 + 8);
    expect(summary(await readZipPhotos(zip, mission))).toEqual([
      "AB1234567.jpg: AB1234567 → corrupt",
      "CD7654321.jpg: CD7654321 → 450×600",
    ]);
  });
});

import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { files, users } from "@/db/schema";
import { makeImage } from "@/test/images";
import { scaledPhoto } from "./scaled-photo";
import { storeFile } from "./store";

/** Runs on this file's PGlite database, or on PostgreSQL when DATABASE_URL is set (assertions are about its own rows). */

let uploaderId: string;

beforeAll(async () => {
  await migrateDatabase();
  const [row] = await getDb()
    .insert(users)
    .values({ name: "Photo Uploader", email: `photos-${randomUUID()}@example.org`, role: "reviewer" })
    .returning({ id: users.id });
  uploaderId = row!.id;
});
afterAll(() => closeDb());

const stored = async (background: string) =>
  storeFile(getDb(), { kind: "photo", buffer: await makeImage(600, 800, "jpeg", background), mediaType: "image/jpeg", originalName: "photo.jpg", uploadedBy: uploaderId });

describe("photos scaled down", () => {
  it("scales a photo to the width asked, as JPEG, and makes it once: the copy outlives the stored bytes", async () => {
    const photo = await stored("#3366aa");
    const thumbnail = await scaledPhoto(photo, 120);
    expect(await sharp(thumbnail).metadata()).toMatchObject({ format: "jpeg", width: 120, height: 160 });

    // Made once: with the bytes gone, the same photo at the same width is still answered.
    await getDb().delete(files).where(eq(files.id, photo.id));
    expect(await scaledPhoto(photo, 120)).toBe(thumbnail);
    // Another width is another copy, made from the bytes, which are gone.
    await expect(scaledPhoto(photo, 240)).rejects.toThrow(/gone/);
  });

  it("keeps each photo's own copy: another photo is scaled from its own bytes", async () => {
    const [blue, red] = [await stored("#3366aa"), await stored("#cc2200")];
    const pixel = async (id: { id: string; sha256: string }) => (await sharp(await scaledPhoto(id, 120)).raw().toBuffer()).subarray(0, 3);
    const [bluePixel, redPixel] = [await pixel(blue), await pixel(red)];
    expect(bluePixel[2]).toBeGreaterThan(bluePixel[0]!);
    expect(redPixel[0]).toBeGreaterThan(redPixel[2]!);
  });
});

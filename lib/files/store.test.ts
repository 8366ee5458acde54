import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { fileMetadataColumns, files, users } from "@/db/schema";
import { makeJpegWithMetadata, makePdf } from "@/test/images";
import { fileResponse } from "./download";
import { checkLetter } from "./letter";
import { processPhoto } from "./photo";
import { readFileForDownload, storeFile } from "./store";

/**
 * Runs on this file's PGlite database, or on PostgreSQL when DATABASE_URL is set (a database
 * other files share: every assertion is about rows this file made).
 */

let uploaderId: string;

beforeAll(async () => {
  await migrateDatabase();
  const [row] = await getDb()
    .insert(users)
    .values({ name: "File Uploader", email: `uploader-${randomUUID()}@example.org`, role: "reviewer" })
    .returning({ id: users.id });
  uploaderId = row!.id;
});
afterAll(() => closeDb());

type PgError = { code?: string; constraint?: string };
async function pgErrorOf(statement: PromiseLike<unknown>): Promise<PgError> {
  try {
    await statement;
  } catch (error) {
    let current: unknown = error;
    while (current && typeof current === "object") {
      if (typeof (current as PgError).code === "string") return current as PgError;
      current = (current as { cause?: unknown }).cause;
    }
    throw error;
  }
  throw new Error("expected the statement to fail, but it succeeded");
}

describe("storeFile and readFileForDownload", () => {
  it("keeps a processed photo byte for byte, with its hash, size, dimensions and a .jpg name", async () => {
    const result = await processPhoto(await makeJpegWithMetadata(600, 800));
    if (!result.ok) throw new Error(result.error);
    const { photo } = result;
    const stored = await getDb().transaction((tx) =>
      storeFile(tx, {
        kind: "photo",
        buffer: photo.buffer,
        mediaType: photo.mediaType,
        originalName: "IMG_0042.HEIC.png",
        width: photo.width,
        height: photo.height,
        uploadedBy: uploaderId,
      }),
    );
    expect(stored).toEqual({ id: expect.any(String), sha256: photo.sha256, byteSize: photo.buffer.length, originalName: "IMG_0042.HEIC.jpg" });

    const file = (await readFileForDownload(stored.id))!;
    expect(file).toMatchObject({ kind: "photo", mediaType: "image/jpeg", byteSize: photo.buffer.length, sha256: photo.sha256 });
    expect(Buffer.isBuffer(file.content)).toBe(true);
    expect(file.content.equals(photo.buffer)).toBe(true);

    const [metadata] = await getDb().select(fileMetadataColumns).from(files).where(eq(files.id, stored.id));
    expect(metadata).toMatchObject({ width: 600, height: 800, uploadedBy: uploaderId, originalName: "IMG_0042.HEIC.jpg" });
    expect(metadata).not.toHaveProperty("content");
  });

  it("serves a stored letter as it was sent", async () => {
    const pdf = makePdf("Letter of the mission");
    expect(checkLetter(pdf).ok).toBe(true);
    const stored = await storeFile(getDb(), {
      kind: "letter",
      buffer: pdf,
      mediaType: "application/pdf",
      originalName: "C:\\Scans\\Хат\u202E.pdf",
      uploadedBy: uploaderId,
    });
    const file = (await readFileForDownload(stored.id))!;
    expect(file.originalName).toBe("Хат.pdf");
    const response = fileResponse(file);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="___.pdf"; filename*=UTF-8''%D0%A5%D0%B0%D1%82.pdf`);
    expect(response.headers.get("etag")).toBe(`"${file.sha256}"`);
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it("refuses to store bytes that are not what the caller says they are", async () => {
    await expect(
      storeFile(getDb(), { kind: "photo", buffer: makePdf(), mediaType: "image/jpeg", originalName: "x.jpg", uploadedBy: null }),
    ).rejects.toThrow(/not image\/jpeg/);
  });

  it("stores nothing when the caller's transaction rolls back", async () => {
    const pdf = makePdf(`rolled back ${randomUUID()}`);
    let storedId: string | undefined;
    await expect(
      getDb().transaction(async (tx) => {
        storedId = (await storeFile(tx, { kind: "letter", buffer: pdf, mediaType: "application/pdf", originalName: "a.pdf", uploadedBy: null })).id;
        throw new Error("the application could not be saved");
      }),
    ).rejects.toThrow("the application could not be saved");
    expect(storedId).toBeDefined();
    expect(await readFileForDownload(storedId!)).toBeNull();
  });

  it("finds nothing for an unknown id or one that is not a UUID", async () => {
    expect(await readFileForDownload(randomUUID())).toBeNull();
    expect(await readFileForDownload("../../etc/passwd")).toBeNull();
    expect(await readFileForDownload("")).toBeNull();
  });

  it("keeps a file when its uploader's account is deleted", async () => {
    const [user] = await getDb()
      .insert(users)
      .values({ name: "Leaving Reviewer", email: `leaving-${randomUUID()}@example.org`, role: "reviewer" })
      .returning({ id: users.id });
    const stored = await storeFile(getDb(), { kind: "attachment", buffer: makePdf(), mediaType: "application/pdf", originalName: "a.pdf", uploadedBy: user!.id });
    await getDb().delete(users).where(eq(users.id, user!.id));
    const [row] = await getDb().select({ uploadedBy: files.uploadedBy }).from(files).where(eq(files.id, stored.id));
    expect(row).toEqual({ uploadedBy: null });
  });

  it("lets the database refuse rows whose size, hash, name or dimensions do not hold together", async () => {
    const content = makePdf();
    const valid = {
      kind: "letter" as const,
      mediaType: "application/pdf",
      byteSize: content.length,
      sha256: "a".repeat(64),
      content,
      originalName: "a.pdf",
    };
    const refusal = (values: Partial<typeof valid> & { width?: number; height?: number }) => pgErrorOf(getDb().insert(files).values({ ...valid, ...values }));
    expect(await refusal({ byteSize: content.length + 1 })).toMatchObject({ code: "23514", constraint: "files_byte_size_matches" });
    expect(await refusal({ sha256: "A".repeat(64) })).toMatchObject({ code: "23514", constraint: "files_sha256_hex" });
    expect(await refusal({ originalName: "x".repeat(201) })).toMatchObject({ code: "23514", constraint: "files_original_name_length" });
    expect(await refusal({ width: 10 })).toMatchObject({ code: "23514", constraint: "files_dimensions" });
    expect(await refusal({ width: 0, height: 10 })).toMatchObject({ code: "23514", constraint: "files_dimensions" });
  });
});

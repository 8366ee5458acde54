import "server-only";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb, type Database, type Transaction } from "@/db";
import { fileMetadataColumns, files, type FileKind } from "@/db/schema";
import { fileNameFor, type StoredMediaType } from "./names";
import type { ProcessedPhoto } from "./photo";
import { sniffMediaType } from "./sniff";

export type StoreFileInput = {
  kind: FileKind;
  buffer: Buffer;
  /** What the caller's check found the bytes to be; storing refuses a mismatch. */
  mediaType: StoredMediaType;
  originalName: string;
  width?: number;
  height?: number;
  uploadedBy: string | null;
};

export type StoredFile = { id: string; sha256: string; byteSize: number; originalName: string };

/**
 * Stores checked bytes (a processed photo, a checked letter) inside the caller's transaction, so
 * the file exists exactly when the row that points at it does. The media type must be what the
 * bytes are: files are served with the stored type, and images inline.
 */
export async function storeFile(tx: Transaction | Database, input: StoreFileInput): Promise<StoredFile> {
  if (sniffMediaType(input.buffer) !== input.mediaType) {
    throw new Error(`storeFile: the bytes are not ${input.mediaType}`);
  }
  const [row] = await tx
    .insert(files)
    .values({
      kind: input.kind,
      mediaType: input.mediaType,
      byteSize: input.buffer.length,
      sha256: createHash("sha256").update(input.buffer).digest("hex"),
      content: input.buffer,
      originalName: fileNameFor(input.originalName, input.mediaType),
      width: input.width ?? null,
      height: input.height ?? null,
      uploadedBy: input.uploadedBy,
    })
    .returning({ id: files.id, sha256: files.sha256, byteSize: files.byteSize, originalName: files.originalName });
  return row!;
}

/** A processed passport photo, stored under a neutral name: the uploaded one may hold the passport number. */
export async function storePhoto(tx: Transaction, photo: ProcessedPhoto, uploadedBy: string): Promise<string> {
  const { buffer, mediaType, width, height } = photo;
  return (await storeFile(tx, { kind: "photo", buffer, mediaType, originalName: "photo.jpg", width, height, uploadedBy })).id;
}

export type FileForDownload = {
  id: string;
  kind: FileKind;
  mediaType: string;
  byteSize: number;
  sha256: string;
  originalName: string;
  content: Buffer;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const describedBy = {
  id: fileMetadataColumns.id,
  kind: fileMetadataColumns.kind,
  mediaType: fileMetadataColumns.mediaType,
  byteSize: fileMetadataColumns.byteSize,
  sha256: fileMetadataColumns.sha256,
  originalName: fileMetadataColumns.originalName,
};

/**
 * A file with its bytes, for a route handler that has ALREADY decided the actor may have it
 * (by the domain row pointing at the file: the observer, the application). This function does
 * not check access. An id that is not a UUID, like an unknown one, finds nothing.
 */
export async function readFileForDownload(unverifiedFileId: string): Promise<FileForDownload | null> {
  if (!UUID.test(unverifiedFileId)) return null;
  const [row] = await getDb()
    .select({ ...describedBy, content: files.content })
    .from(files)
    .where(eq(files.id, unverifiedFileId));
  return row ?? null;
}

/** The same without the bytes, under the same condition: enough to answer from what was made of them (scaled-photo.ts). */
export async function readFileDescription(unverifiedFileId: string): Promise<Omit<FileForDownload, "content"> | null> {
  if (!UUID.test(unverifiedFileId)) return null;
  const [row] = await getDb().select(describedBy).from(files).where(eq(files.id, unverifiedFileId));
  return row ?? null;
}

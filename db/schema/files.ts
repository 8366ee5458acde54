import { sql } from "drizzle-orm";
import { check, customType, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./identity";

export const fileKinds = ["photo", "letter", "attachment"] as const;
export const fileKind = pgEnum("file_kind", fileKinds);
export type FileKind = (typeof fileKinds)[number];

/**
 * PostgreSQL bytea. node-postgres hands back a Buffer, PGlite a Uint8Array: both become a Buffer
 * (a view on the same memory, not a copy: a letter may be 10 MB).
 */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) =>
    Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength),
});

/**
 * Photos, request letters and attachments, kept in the database so that one backup holds
 * everything and every process serves the same bytes. `media_type` is what the bytes are (sniffed,
 * never the uploader's claim); photos are stored re-encoded, so `sha256` and `byte_size` describe
 * the stored bytes. Rows carry no owner: the domain row that points at a file (an observer's photo,
 * an application's letter) decides who may download it.
 *
 * `content` can be megabytes: list queries select the metadata columns (`fileMetadataColumns`).
 */
export const files = pgTable(
  "files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: fileKind("kind").notNull(),
    mediaType: text("media_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    /** As the uploader named it, sanitized (lib/files/names.ts); only ever used as a download name. */
    originalName: text("original_name").notNull(),
    width: integer("width"),
    height: integer("height"),
    uploadedBy: text("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("files_uploaded_by_idx").on(t.uploadedBy),
    check("files_byte_size_matches", sql`${t.byteSize} > 0 and ${t.byteSize} = octet_length(${t.content})`),
    check("files_sha256_hex", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check("files_original_name_length", sql`char_length(${t.originalName}) between 1 and 200`),
    check(
      "files_dimensions",
      // Both or neither, and spelled out: a bare `width > 0 and height > 0` is NULL, which a check lets pass.
      sql`(${t.width} is null and ${t.height} is null) or (${t.width} is not null and ${t.height} is not null and ${t.width} > 0 and ${t.height} > 0)`,
    ),
  ],
);

/** Everything about a file except its bytes: what lists and pages select. */
export const fileMetadataColumns = {
  id: files.id,
  kind: files.kind,
  mediaType: files.mediaType,
  byteSize: files.byteSize,
  sha256: files.sha256,
  originalName: files.originalName,
  width: files.width,
  height: files.height,
  uploadedBy: files.uploadedBy,
  createdAt: files.createdAt,
};

import { sql } from "drizzle-orm";
import { boolean, check, customType, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { originalLanguages, statementKinds, versionStatuses } from "../../lib/statements/vocabulary";
import { missions } from "./accreditation";
import { files } from "./files";
import { users } from "./identity";

export const statementKind = pgEnum("statement_kind", statementKinds);
export const statementLanguage = pgEnum("statement_language", originalLanguages);
export const statementVersionStatus = pgEnum("statement_version_status", versionStatuses);

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/**
 * A mission's statement: what stays the same across its versions (the mission and the kind).
 * The words live in versions; a published version is never changed, a correction is a new one.
 */
export const statements = pgTable(
  "statements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    missionId: uuid("mission_id")
      .notNull()
      .references(() => missions.id),
    kind: statementKind("kind").notNull(),
    /** The first publication (null until then): the order of the public lists. */
    firstPublishedAt: timestamp("first_published_at", { withTimezone: true }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("statements_mission_idx").on(t.missionId), index("statements_first_published_idx").on(t.firstPublishedAt)],
);

/**
 * One version of a statement's words. `published_at` is the moment the public may read it: the
 * embargo time when staff scheduled it, so every public query says `published_at <= now` and
 * nothing is shown early, whatever a cache holds. `sha256` is of the canonical content
 * (lib/statements/canonical.ts), fixed when published.
 */
export const statementVersions = pgTable(
  "statement_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    statementId: uuid("statement_id")
      .notNull()
      .references(() => statements.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    status: statementVersionStatus("status").notNull().default("draft"),
    originalLanguage: statementLanguage("original_language").notNull(),
    /** The original's language in its own name, when it is not one of the portal's. */
    otherLanguageName: text("other_language_name"),
    /** Not published before this instant. */
    embargoAt: timestamp("embargo_at", { withTimezone: true }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedBy: text("submitted_by").references(() => users.id, { onDelete: "set null" }),
    returnReason: text("return_reason"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedBy: text("published_by").references(() => users.id, { onDelete: "set null" }),
    sha256: text("sha256"),
    /** Bumped by every change, so staff publish exactly the words they read. */
    revision: integer("revision").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("statement_versions_number_key").on(t.statementId, t.number),
    index("statement_versions_published_idx").on(t.publishedAt),
    index("statement_versions_status_idx").on(t.status),
    check("statement_versions_other_language", sql`(${t.originalLanguage} = 'other') = (${t.otherLanguageName} is not null)`),
    check(
      "statement_versions_published",
      sql`(${t.status} = 'published') = (${t.publishedAt} is not null and ${t.sha256} is not null)`,
    ),
  ],
);

/**
 * The words of a version in one language: the original, or a translation into a portal language.
 * The search column is generated with the language's dictionary (Russian, English; `simple` for
 * Turkmen and any other language), so the GIN index serves every language on both engines.
 */
export const statementTexts = pgTable(
  "statement_texts",
  {
    versionId: uuid("version_id")
      .notNull()
      .references(() => statementVersions.id, { onDelete: "cascade" }),
    language: statementLanguage("language").notNull(),
    isOriginal: boolean("is_original").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    search: tsvector("search").generatedAlwaysAs(
      sql`to_tsvector(case language when 'ru' then 'russian'::regconfig when 'en' then 'english'::regconfig else 'simple'::regconfig end, title || ' ' || body)`,
    ),
  },
  (t) => [
    primaryKey({ columns: [t.versionId, t.language] }),
    index("statement_texts_search_idx").using("gin", t.search),
    uniqueIndex("statement_texts_one_original").on(t.versionId).where(sql`${t.isOriginal}`),
  ],
);

/** PDF attachments of a version (files of kind "attachment"; who may download them is decided here). */
export const statementAttachments = pgTable(
  "statement_attachments",
  {
    versionId: uuid("version_id")
      .notNull()
      .references(() => statementVersions.id, { onDelete: "cascade" }),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.fileId] }), index("statement_attachments_file_idx").on(t.fileId)],
);

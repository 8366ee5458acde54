/** The words of the statements domain, shared by the schema, the forms and the pages. */

/** In their natural order: the order in which a mission publishes them around an election. */
export const statementKinds = ["needs_assessment", "interim", "preliminary", "final", "press_release"] as const;
export type StatementKind = (typeof statementKinds)[number];

/** The languages of the portal: translations are made into these. */
export const statementLanguages = ["tk", "ru", "en"] as const;
export type StatementLanguage = (typeof statementLanguages)[number];

/** The original may also be in another language, named by the mission. */
export const originalLanguages = [...statementLanguages, "other"] as const;
export type OriginalLanguage = (typeof originalLanguages)[number];

/**
 * A version's life: drafted by the mission, submitted, then published by staff (at once or for
 * its embargo time) or returned with a reason, after which the mission may change and resubmit it.
 */
export const versionStatuses = ["draft", "submitted", "returned", "published"] as const;
export type VersionStatus = (typeof versionStatuses)[number];

/** A version as readers see it at `now`: one published for a later embargo time is scheduled until then. */
export type ShownVersionStatus = VersionStatus | "scheduled";
export function shownStatusAt(version: { status: VersionStatus; publishedAt: Date | null }, now: Date): ShownVersionStatus {
  return version.status === "published" && version.publishedAt !== null && version.publishedAt > now ? "scheduled" : version.status;
}

/** PDF attachments of a statement: at most this many bytes each, and this many per version. */
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
export const ATTACHMENTS_PER_VERSION = 10;

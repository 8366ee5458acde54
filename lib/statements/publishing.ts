import "server-only";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { getDb, type Transaction } from "@/db";
import { elections, files, missions, organizations, statementAttachments, statements, statementTexts, statementVersions, users } from "@/db/schema";
import type { Locale } from "@/i18n/routing";
import { isUuid } from "@/lib/accreditation/scope";
import { writeAuditEvent } from "@/lib/audit/record";
import { enqueueEmail } from "@/lib/email/outbox";
import { statementPublishedEmail } from "@/lib/email/templates/statement";
import { assertPermission } from "@/lib/identity/authorize";
import type { Role } from "@/lib/identity/permissions";
import { contentHash } from "./canonical";
import { versionAttachments, versionTexts } from "./drafting";

/**
 * The commission's side: a queue of submitted versions, and three decisions on each: publish now,
 * publish at the embargo time, or return with a reason. Staff never change the words: the hash of
 * what they read (the revision) is what gets published.
 */

type Staff = { id: string; role: Role };
const electionTitle = { tk: elections.titleTk, ru: elections.titleRu, en: elections.titleEn } as const;
const organizationName = { tk: organizations.nameTk, ru: organizations.nameRu, en: organizations.nameEn } as const;

const queueColumns = (locale: Locale) => ({
  versionId: statementVersions.id,
  statementId: statements.id,
  number: statementVersions.number,
  kind: statements.kind,
  title: statementTexts.title,
  organization: organizationName[locale],
  electionTitle: electionTitle[locale],
  embargoAt: statementVersions.embargoAt,
  submittedAt: statementVersions.submittedAt,
  publishedAt: statementVersions.publishedAt,
});

function queueQuery(locale: Locale) {
  return getDb()
    .select(queueColumns(locale))
    .from(statementVersions)
    .innerJoin(statements, eq(statements.id, statementVersions.statementId))
    .innerJoin(statementTexts, and(eq(statementTexts.versionId, statementVersions.id), eq(statementTexts.isOriginal, true)))
    .innerJoin(missions, eq(missions.id, statements.missionId))
    .innerJoin(organizations, eq(organizations.id, missions.organizationId))
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .$dynamic();
}

/** Submitted versions, the longest waiting first; and those scheduled for a later embargo, soonest first. */
export async function listStatementQueue(actor: Staff, locale: Locale, now: Date) {
  assertPermission(actor, "publish:statement");
  const [waiting, scheduled] = await Promise.all([
    queueQuery(locale).where(eq(statementVersions.status, "submitted")).orderBy(asc(statementVersions.submittedAt), asc(statementVersions.id)),
    queueQuery(locale)
      .where(and(eq(statementVersions.status, "published"), gt(statementVersions.publishedAt, now)))
      .orderBy(asc(statementVersions.publishedAt), asc(statementVersions.id)),
  ]);
  return { waiting, scheduled };
}

/**
 * A version as staff read it before deciding (never a draft: that is still the mission's); or null.
 * A returned version is the mission's to change again until they resubmit it: staff see that they
 * returned it and why, not its embargo, words and attachments, which may already be new ones.
 */
export async function getVersionForReview(actor: Staff, unverifiedVersionId: string, locale: Locale) {
  assertPermission(actor, "publish:statement");
  if (!isUuid(unverifiedVersionId)) return null;
  const [version] = await getDb()
    .select({
      id: statementVersions.id,
      statementId: statements.id,
      number: statementVersions.number,
      status: statementVersions.status,
      revision: statementVersions.revision,
      kind: statements.kind,
      originalLanguage: statementVersions.originalLanguage,
      otherLanguageName: statementVersions.otherLanguageName,
      embargoAt: statementVersions.embargoAt,
      submittedAt: statementVersions.submittedAt,
      returnReason: statementVersions.returnReason,
      publishedAt: statementVersions.publishedAt,
      sha256: statementVersions.sha256,
      missionName: missions.name,
      organization: organizationName[locale],
      electionTitle: electionTitle[locale],
    })
    .from(statementVersions)
    .innerJoin(statements, eq(statements.id, statementVersions.statementId))
    .innerJoin(missions, eq(missions.id, statements.missionId))
    .innerJoin(organizations, eq(organizations.id, missions.organizationId))
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .where(eq(statementVersions.id, unverifiedVersionId));
  if (!version || version.status === "draft") return null;
  if (version.status === "returned") return { ...version, embargoAt: null, otherLanguageName: null, texts: [], attachments: [] };
  const [texts, attachments] = await Promise.all([versionTexts(version.id), versionAttachments(version.id)]);
  return { ...version, texts, attachments };
}

export type PublishRefusal = "notFound" | "notSubmitted" | "changed" | "embargoNotPassed" | "noFutureEmbargo";
export type PublishMode = "now" | "embargo";

async function lockSubmitted(tx: Transaction, unverifiedVersionId: string, revision: number) {
  if (!isUuid(unverifiedVersionId)) return { refusal: "notFound" as const };
  const [version] = await tx
    .select({
      id: statementVersions.id,
      statementId: statementVersions.statementId,
      number: statementVersions.number,
      status: statementVersions.status,
      revision: statementVersions.revision,
      originalLanguage: statementVersions.originalLanguage,
      otherLanguageName: statementVersions.otherLanguageName,
      embargoAt: statementVersions.embargoAt,
      kind: statements.kind,
      organizationId: missions.organizationId,
    })
    .from(statementVersions)
    .innerJoin(statements, eq(statements.id, statementVersions.statementId))
    .innerJoin(missions, eq(missions.id, statements.missionId))
    .where(eq(statementVersions.id, unverifiedVersionId))
    .for("update", { of: statementVersions });
  if (!version || version.status === "draft") return { refusal: "notFound" as const };
  if (version.status !== "submitted") return { refusal: "notSubmitted" as const };
  if (version.revision !== revision) return { refusal: "changed" as const };
  return { version };
}

/**
 * Publishes a submitted version now, or for its embargo time (`published_at` is then the embargo:
 * every public query hides it until that moment). Refuses "now" before the embargo, and "embargo"
 * without a future one. Fixes the SHA-256, and queues the coordinators' emails with the audit event.
 */
export async function publishVersion(actor: Staff, unverifiedVersionId: string, revision: number, mode: PublishMode, ip: string | null, now: Date) {
  assertPermission(actor, "publish:statement");
  return getDb().transaction(async (tx) => {
    const locked = await lockSubmitted(tx, unverifiedVersionId, revision);
    if (!locked.version) return { ok: false as const, refusal: locked.refusal as PublishRefusal };
    const version = locked.version;
    const embargoAhead = version.embargoAt !== null && version.embargoAt > now;
    if (mode === "now" && embargoAhead) return { ok: false as const, refusal: "embargoNotPassed" as PublishRefusal };
    if (mode === "embargo" && !embargoAhead) return { ok: false as const, refusal: "noFutureEmbargo" as PublishRefusal };
    const publishedAt = mode === "embargo" ? version.embargoAt! : now;

    const texts = await tx
      .select({ language: statementTexts.language, isOriginal: statementTexts.isOriginal, title: statementTexts.title, body: statementTexts.body })
      .from(statementTexts)
      .where(eq(statementTexts.versionId, version.id));
    const attachments = await tx
      .select({ name: files.originalName, sha256: files.sha256 })
      .from(statementAttachments)
      .innerJoin(files, eq(files.id, statementAttachments.fileId))
      .where(eq(statementAttachments.versionId, version.id))
      .orderBy(asc(statementAttachments.position));
    const sha256 = contentHash({ statementId: version.statementId, number: version.number, kind: version.kind, originalLanguage: version.originalLanguage, otherLanguageName: version.otherLanguageName, texts, attachments });

    await tx.update(statementVersions).set({ status: "published", publishedAt, publishedBy: actor.id, sha256, updatedAt: now }).where(eq(statementVersions.id, version.id));
    await tx.update(statements).set({ firstPublishedAt: publishedAt }).where(and(eq(statements.id, version.statementId), isNull(statements.firstPublishedAt)));
    await writeAuditEvent(tx, {
      actor,
      action: mode === "embargo" ? "statement.scheduled" : "statement.published",
      entityType: "statement",
      entityId: version.statementId,
      ip,
      details: { versionId: version.id, version: version.number, publishedAt: publishedAt.toISOString(), sha256 },
    });
    const title = texts.find((t) => t.isOriginal)!.title;
    const coordinators = await tx
      .select({ email: users.email, locale: users.preferredLocale })
      .from(users)
      .where(and(eq(users.organizationId, version.organizationId), eq(users.role, "coordinator"), isNull(users.disabledAt)));
    for (const coordinator of coordinators) {
      const content = statementPublishedEmail(coordinator.locale, { statementId: version.statementId, title, version: version.number, publishedAt, scheduled: mode === "embargo", sha256 });
      await enqueueEmail(tx, { to: coordinator.email, locale: coordinator.locale, template: mode === "embargo" ? "statement-scheduled" : "statement-published", content });
    }
    return { ok: true as const, statementId: version.statementId, publishedAt, sha256 };
  });
}

/** Returns a submitted version to the mission with the reason they will read; its words stay theirs to change. */
export async function returnVersion(actor: Staff, unverifiedVersionId: string, revision: number, reason: string, ip: string | null) {
  assertPermission(actor, "publish:statement");
  return getDb().transaction(async (tx) => {
    const locked = await lockSubmitted(tx, unverifiedVersionId, revision);
    if (!locked.version) return { ok: false as const, refusal: locked.refusal as PublishRefusal };
    const version = locked.version;
    await tx.update(statementVersions).set({ status: "returned", returnReason: reason, updatedAt: new Date() }).where(eq(statementVersions.id, version.id));
    await writeAuditEvent(tx, { actor, action: "statement.returned", entityType: "statement", entityId: version.statementId, ip, details: { versionId: version.id, version: version.number, reason } });
    return { ok: true as const };
  });
}

import "server-only";
import { and, asc, desc, eq, inArray, max, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db";
import { elections, fileMetadataColumns, files, missions, statementAttachments, statements, statementTexts, statementVersions } from "@/db/schema";
import type { Locale } from "@/i18n/routing";
import { isUuid, organizationOf, type Coordinator } from "@/lib/accreditation/scope";
import { writeAuditEvent } from "@/lib/audit/record";
import { storeFile } from "@/lib/files/store";
import type { FieldErrors } from "@/lib/forms";
import { embargoOf, textsOf, type StatementDraftInput } from "./schemas";
import { ATTACHMENTS_PER_VERSION } from "./vocabulary";

/**
 * The mission's side of statements: drafts, their words and attachments, submission, and
 * corrections of what was published. Everything is scoped by the coordinator's organization, so
 * another organization's ids find nothing. A version is editable while draft or returned.
 */

type Actor = Coordinator & { id: string };
export type CheckedAttachment = { buffer: Buffer; name: string };

const electionTitle = { tk: elections.titleTk, ru: elections.titleRu, en: elections.titleEn } as const;
const editableStatuses = ["draft", "returned"] as const;

/** The organization's approved missions: only they may publish statements. */
export async function listMissionsForStatements(actor: Coordinator, locale: Locale) {
  const organizationId = organizationOf(actor);
  return getDb()
    .select({ id: missions.id, name: missions.name, electionTitle: electionTitle[locale] })
    .from(missions)
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .where(and(eq(missions.organizationId, organizationId), eq(missions.status, "approved")))
    .orderBy(desc(elections.electionDay), asc(missions.id));
}

/** A version of the organization's statements, locked for the rest of the transaction; or null. */
async function lockOwnVersion(tx: Transaction, actor: Coordinator, unverifiedVersionId: string) {
  const organizationId = organizationOf(actor);
  if (!isUuid(unverifiedVersionId)) return null;
  const [row] = await tx
    .select({ id: statementVersions.id, statementId: statementVersions.statementId, number: statementVersions.number, status: statementVersions.status })
    .from(statementVersions)
    .innerJoin(statements, eq(statements.id, statementVersions.statementId))
    .innerJoin(missions, eq(missions.id, statements.missionId))
    .where(and(eq(statementVersions.id, unverifiedVersionId), eq(missions.organizationId, organizationId)))
    .for("update", { of: statementVersions });
  return row ?? null;
}

async function writeTexts(tx: Transaction, versionId: string, input: StatementDraftInput) {
  await tx.insert(statementTexts).values(textsOf(input).map((text) => ({ ...text, versionId })));
}

async function addAttachments(tx: Transaction, actor: Actor, versionId: string, attachments: CheckedAttachment[]) {
  const [last] = await tx.select({ position: max(statementAttachments.position) }).from(statementAttachments).where(eq(statementAttachments.versionId, versionId));
  let position = last?.position ?? 0;
  for (const attachment of attachments) {
    const stored = await storeFile(tx, { kind: "attachment", buffer: attachment.buffer, mediaType: "application/pdf", originalName: attachment.name, uploadedBy: actor.id });
    await tx.insert(statementAttachments).values({ versionId, fileId: stored.id, position: ++position });
  }
}

type SaveResult = { ok: true; statementId: string; versionId: string } | { ok: false; fieldErrors: FieldErrors } | { ok: false; refusal: "notFound" | "notEditable" };

/** A new statement of one of the organization's approved missions, as version 1, a draft. */
export async function createStatement(actor: Actor, input: StatementDraftInput, attachments: CheckedAttachment[], ip: string | null): Promise<SaveResult> {
  const organizationId = organizationOf(actor);
  if (!isUuid(input.missionId)) return { ok: false, fieldErrors: { missionId: "missionCannotPublish" } };
  if (attachments.length > ATTACHMENTS_PER_VERSION) return { ok: false, fieldErrors: { attachments: "tooManyAttachments" } };
  return getDb().transaction(async (tx) => {
    const [mission] = await tx
      .select({ id: missions.id })
      .from(missions)
      .where(and(eq(missions.id, input.missionId), eq(missions.organizationId, organizationId), eq(missions.status, "approved")));
    if (!mission) return { ok: false, fieldErrors: { missionId: "missionCannotPublish" } };
    const [statement] = await tx.insert(statements).values({ missionId: mission.id, kind: input.kind, createdBy: actor.id }).returning({ id: statements.id });
    const [version] = await tx
      .insert(statementVersions)
      .values({
        statementId: statement!.id,
        number: 1,
        originalLanguage: input.originalLanguage,
        otherLanguageName: input.originalLanguage === "other" ? input.otherLanguageName : null,
        embargoAt: embargoOf(input),
      })
      .returning({ id: statementVersions.id });
    await writeTexts(tx, version!.id, input);
    await addAttachments(tx, actor, version!.id, attachments);
    await writeAuditEvent(tx, {
      actor,
      action: "statement.drafted",
      entityType: "statement",
      entityId: statement!.id,
      ip,
      details: { versionId: version!.id, version: 1, missionId: mission.id, kind: input.kind, attachments: attachments.length },
    });
    return { ok: true, statementId: statement!.id, versionId: version!.id };
  });
}

/**
 * Saves a draft or returned version's words, embargo and attachments (new ones added, ticked ones
 * removed). The mission and kind stay the statement's. Every save bumps the revision staff decide on.
 */
export async function updateDraft(
  actor: Actor,
  unverifiedVersionId: string,
  input: StatementDraftInput,
  attachments: CheckedAttachment[],
  unverifiedRemovals: string[],
  ip: string | null,
): Promise<SaveResult> {
  return getDb().transaction(async (tx) => {
    const version = await lockOwnVersion(tx, actor, unverifiedVersionId);
    if (!version) return { ok: false, refusal: "notFound" };
    if (!(editableStatuses as readonly string[]).includes(version.status)) return { ok: false, refusal: "notEditable" };
    const removals = unverifiedRemovals.filter(isUuid);
    const current = await tx.select({ fileId: statementAttachments.fileId }).from(statementAttachments).where(eq(statementAttachments.versionId, version.id));
    const kept = current.filter((a) => !removals.includes(a.fileId)).length;
    if (kept + attachments.length > ATTACHMENTS_PER_VERSION) return { ok: false, fieldErrors: { attachments: "tooManyAttachments" } };
    if (removals.length) {
      await tx.delete(statementAttachments).where(and(eq(statementAttachments.versionId, version.id), inArray(statementAttachments.fileId, removals)));
    }
    await tx.delete(statementTexts).where(eq(statementTexts.versionId, version.id));
    await writeTexts(tx, version.id, input);
    await addAttachments(tx, actor, version.id, attachments);
    await tx
      .update(statementVersions)
      .set({
        originalLanguage: input.originalLanguage,
        otherLanguageName: input.originalLanguage === "other" ? input.otherLanguageName : null,
        embargoAt: embargoOf(input),
        revision: sql`${statementVersions.revision} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(statementVersions.id, version.id));
    await writeAuditEvent(tx, {
      actor,
      action: "statement.updated",
      entityType: "statement",
      entityId: version.statementId,
      ip,
      details: { versionId: version.id, version: version.number, attachmentsAdded: attachments.length, attachmentsRemoved: removals.length },
    });
    return { ok: true, statementId: version.statementId, versionId: version.id };
  });
}

/** Sends a draft or returned version to the commission's queue. */
export async function submitVersion(actor: Actor, unverifiedVersionId: string, ip: string | null) {
  return getDb().transaction(async (tx) => {
    const version = await lockOwnVersion(tx, actor, unverifiedVersionId);
    if (!version) return { ok: false as const, refusal: "notFound" as const };
    if (!(editableStatuses as readonly string[]).includes(version.status)) return { ok: false as const, refusal: "notEditable" as const };
    await tx
      .update(statementVersions)
      .set({ status: "submitted", submittedAt: new Date(), submittedBy: actor.id, returnReason: null, updatedAt: new Date() })
      .where(eq(statementVersions.id, version.id));
    await writeAuditEvent(tx, { actor, action: "statement.submitted", entityType: "statement", entityId: version.statementId, ip, details: { versionId: version.id, version: version.number } });
    return { ok: true as const, statementId: version.statementId };
  });
}

/**
 * A correction of a published statement: a new version holding a copy of the latest published
 * words and attachments, a draft for the mission to change and submit. Refused while another
 * version is unpublished (one correction at a time).
 */
export async function startCorrection(actor: Actor, unverifiedStatementId: string, ip: string | null) {
  const organizationId = organizationOf(actor);
  if (!isUuid(unverifiedStatementId)) return { ok: false as const, refusal: "notFound" as const };
  return getDb().transaction(async (tx) => {
    const [statement] = await tx
      .select({ id: statements.id })
      .from(statements)
      .innerJoin(missions, eq(missions.id, statements.missionId))
      .where(and(eq(statements.id, unverifiedStatementId), eq(missions.organizationId, organizationId)))
      .for("update", { of: statements });
    if (!statement) return { ok: false as const, refusal: "notFound" as const };
    const [latest] = await tx.select().from(statementVersions).where(eq(statementVersions.statementId, statement.id)).orderBy(desc(statementVersions.number)).limit(1);
    if (!latest || latest.status !== "published") return { ok: false as const, refusal: "notEditable" as const };
    const [version] = await tx
      .insert(statementVersions)
      .values({ statementId: statement.id, number: latest.number + 1, originalLanguage: latest.originalLanguage, otherLanguageName: latest.otherLanguageName })
      .returning({ id: statementVersions.id, number: statementVersions.number });
    const texts = await tx.select({ language: statementTexts.language, isOriginal: statementTexts.isOriginal, title: statementTexts.title, body: statementTexts.body }).from(statementTexts).where(eq(statementTexts.versionId, latest.id));
    await tx.insert(statementTexts).values(texts.map((text) => ({ ...text, versionId: version!.id })));
    const attachments = await tx.select({ fileId: statementAttachments.fileId, position: statementAttachments.position }).from(statementAttachments).where(eq(statementAttachments.versionId, latest.id));
    if (attachments.length) await tx.insert(statementAttachments).values(attachments.map((a) => ({ ...a, versionId: version!.id })));
    await writeAuditEvent(tx, {
      actor,
      action: "statement.correction_started",
      entityType: "statement",
      entityId: statement.id,
      ip,
      details: { versionId: version!.id, version: version!.number, corrects: latest.number },
    });
    return { ok: true as const, versionId: version!.id };
  });
}

/** The organization's statements, newest first, with their latest version. */
export async function listOwnStatements(actor: Coordinator, locale: Locale) {
  const organizationId = organizationOf(actor);
  const latest = getDb()
    .selectDistinctOn([statementVersions.statementId], {
      statementId: statementVersions.statementId,
      versionId: statementVersions.id,
      number: statementVersions.number,
      status: statementVersions.status,
      publishedAt: statementVersions.publishedAt,
    })
    .from(statementVersions)
    .orderBy(statementVersions.statementId, desc(statementVersions.number))
    .as("latest");
  return getDb()
    .select({
      id: statements.id,
      kind: statements.kind,
      missionName: missions.name,
      electionTitle: electionTitle[locale],
      versionId: latest.versionId,
      number: latest.number,
      status: latest.status,
      publishedAt: latest.publishedAt,
      title: statementTexts.title,
      createdAt: statements.createdAt,
    })
    .from(statements)
    .innerJoin(missions, eq(missions.id, statements.missionId))
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .innerJoin(latest, eq(latest.statementId, statements.id))
    .innerJoin(statementTexts, and(eq(statementTexts.versionId, latest.versionId), eq(statementTexts.isOriginal, true)))
    .where(eq(missions.organizationId, organizationId))
    .orderBy(desc(statements.createdAt), asc(statements.id));
}

/** One of the organization's statements with every version, and the latest version's words and attachments; or null. */
export async function getOwnStatement(actor: Coordinator, unverifiedStatementId: string, locale: Locale) {
  const organizationId = organizationOf(actor);
  if (!isUuid(unverifiedStatementId)) return null;
  const [statement] = await getDb()
    .select({ id: statements.id, kind: statements.kind, missionId: missions.id, missionName: missions.name, electionTitle: electionTitle[locale] })
    .from(statements)
    .innerJoin(missions, eq(missions.id, statements.missionId))
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .where(and(eq(statements.id, unverifiedStatementId), eq(missions.organizationId, organizationId)));
  if (!statement) return null;
  const versions = await getDb()
    .select({
      id: statementVersions.id,
      number: statementVersions.number,
      status: statementVersions.status,
      originalLanguage: statementVersions.originalLanguage,
      otherLanguageName: statementVersions.otherLanguageName,
      embargoAt: statementVersions.embargoAt,
      submittedAt: statementVersions.submittedAt,
      returnReason: statementVersions.returnReason,
      publishedAt: statementVersions.publishedAt,
      sha256: statementVersions.sha256,
    })
    .from(statementVersions)
    .where(eq(statementVersions.statementId, statement.id))
    .orderBy(desc(statementVersions.number));
  const latest = versions[0]!;
  const [texts, attachments] = await Promise.all([versionTexts(latest.id), versionAttachments(latest.id)]);
  return { ...statement, versions, latest, texts, attachments };
}

/** A version's words, the original first. */
export async function versionTexts(versionId: string) {
  return getDb()
    .select({ language: statementTexts.language, isOriginal: statementTexts.isOriginal, title: statementTexts.title, body: statementTexts.body })
    .from(statementTexts)
    .where(eq(statementTexts.versionId, versionId))
    .orderBy(desc(statementTexts.isOriginal), asc(statementTexts.language));
}

/** A version's attachments in their order (metadata only). */
export async function versionAttachments(versionId: string) {
  return getDb()
    .select({ fileId: fileMetadataColumns.id, name: fileMetadataColumns.originalName, byteSize: fileMetadataColumns.byteSize, sha256: fileMetadataColumns.sha256 })
    .from(statementAttachments)
    .innerJoin(files, eq(files.id, statementAttachments.fileId))
    .where(eq(statementAttachments.versionId, versionId))
    .orderBy(asc(statementAttachments.position));
}

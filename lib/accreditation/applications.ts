import "server-only";
import { and, eq, gte, inArray, isNull, max, ne, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db";
import { closedDays, elections, missionDetailsColumns, missions, missionSubmissions, observerRecordColumns, observers, users } from "@/db/schema";
import { changedKeys } from "@/lib/audit/changes";
import { writeAuditEvent } from "@/lib/audit/record";
import { revokeBadges } from "@/lib/badges/issue";
import { enqueueEmail } from "@/lib/email/outbox";
import { applicationNoticeEmail, applicationReceiptEmail } from "@/lib/email/templates/application";
import { checkLetter, letterErrorMessages } from "@/lib/files/letter";
import { storeFile } from "@/lib/files/store";
import { todayInAshgabat } from "@/lib/dates";
import type { FieldErrors } from "@/lib/forms";
import type { Locale } from "@/i18n/routing";
import { decisionDueOn } from "./decision-clock";
import { checkMissionDates, checkMissionSubmission, coordinatorErrors, issuesFor, type SubmissionCheck } from "./intake";
import { intakeContextFor } from "./intake-context";
import type { MissionDetailsInput } from "./mission-schema";
import { byObserverName } from "./observer-name";
import { isEditable, windowAllows } from "./rules";
import { currentApplication, isUuid, lockOwnMission, organizationOf, type Coordinator, type LockedMission } from "./scope";
import { applicationLifecycle } from "./transitions";

/** Why a change was not made; pages turn each into a translated message. */
export type Refusal = "notFound" | "notEditable" | "windowClosed";
export type Refused = { ok: false; refusal: Refusal };
const refused = (refusal: Refusal): Refused => ({ ok: false, refusal });

type Ip = string | null;

/** Starts the organization's application to an election, or finds the one it has; one it withdrew does not count. */
export async function startApplication(actor: Coordinator, unverifiedElectionId: string, ip: Ip) {
  const organizationId = organizationOf(actor);
  if (!isUuid(unverifiedElectionId)) return refused("notFound");
  return getDb().transaction(async (tx) => {
    const [election] = await tx
      .select({
        id: elections.id,
        electionDay: elections.electionDay,
        accreditationOpensAt: elections.accreditationOpensAt,
        accreditationClosesAt: elections.accreditationClosesAt,
      })
      .from(elections)
      .where(and(eq(elections.id, unverifiedElectionId), eq(elections.status, "published")));
    if (!election) return refused("notFound");
    const current = currentApplication(organizationId, election.id);
    const [existing] = await tx.select({ id: missions.id }).from(missions).where(current);
    if (existing) return { ok: true as const, missionId: existing.id, created: false };
    if (!windowAllows("start", election)) return refused("windowClosed");
    // Two clicks at once: the unique key lets one insert through; the other finds it.
    const [created] = await tx
      .insert(missions)
      .values({ organizationId, electionId: election.id, createdBy: actor.id })
      .onConflictDoNothing()
      .returning({ id: missions.id });
    if (!created) {
      const [raced] = await tx.select({ id: missions.id }).from(missions).where(current);
      return { ok: true as const, missionId: raced!.id, created: false };
    }
    await writeAuditEvent(tx, { actor, action: "application.started", entityType: "mission", entityId: created.id, ip, details: { electionId: election.id } });
    return { ok: true as const, missionId: created.id, created: true };
  });
}

/** Step 1. The dates must fall inside the election's observation window. */
export async function saveMissionDetails(actor: Coordinator, unverifiedMissionId: string, input: MissionDetailsInput, ip: Ip) {
  return getDb().transaction(async (tx) => {
    const mission = await lockOwnMission(tx, actor, unverifiedMissionId);
    if (!mission) return refused("notFound");
    if (!isEditable(mission.status)) return refused("notEditable");
    const fieldErrors = coordinatorErrors(checkMissionDates(input, mission.election));
    if (Object.keys(fieldErrors).length > 0) return { ok: false as const, fieldErrors };

    const [before] = await tx
      .select({
        ...missionDetailsColumns,
      })
      .from(missions)
      .where(eq(missions.id, mission.id));
    const changes = changedKeys(before!, input);
    if (changes.length === 0) return { ok: true as const };
    await tx
      .update(missions)
      .set({ ...input, updatedAt: new Date(), version: sql`${missions.version} + 1` })
      .where(eq(missions.id, mission.id));
    // Field names only: the contact's phone and email are personal data.
    await writeAuditEvent(tx, { actor, action: "application.details_saved", entityType: "mission", entityId: mission.id, ip, details: { fields: changes } });
    return { ok: true as const };
  });
}

/** Step 2. The official request letter, a PDF checked by its bytes; a new one replaces the old. */
export async function attachLetter(actor: Coordinator, unverifiedMissionId: string, letter: { bytes: Buffer; name: string }, ip: Ip) {
  const checked = checkLetter(letter.bytes);
  return getDb().transaction(async (tx) => {
    const mission = await lockOwnMission(tx, actor, unverifiedMissionId);
    if (!mission) return refused("notFound");
    if (!isEditable(mission.status)) return refused("notEditable");
    if (!checked.ok) return { ok: false as const, fieldErrors: { letter: letterErrorMessages[checked.error] } satisfies FieldErrors };
    const stored = await storeFile(tx, { kind: "letter", buffer: letter.bytes, mediaType: checked.mediaType, originalName: letter.name, uploadedBy: actor.id });
    await tx.update(missions).set({ letterFileId: stored.id, updatedAt: new Date(), version: sql`${missions.version} + 1` }).where(eq(missions.id, mission.id));
    await writeAuditEvent(tx, {
      actor,
      action: "application.letter_attached",
      entityType: "mission",
      entityId: mission.id,
      ip,
      details: { fileId: stored.id, sha256: stored.sha256, byteSize: stored.byteSize },
    });
    return { ok: true as const };
  });
}

/** The observers a submission is judged by: all but the withdrawn, as stored. */
async function storedObservers(tx: Transaction, missionId: string) {
  const rows = await tx
    .select({
      id: observers.id,
      photoFileId: observers.photoFileId,
      ...observerRecordColumns,
    })
    .from(observers)
    .where(and(eq(observers.missionId, missionId), ne(observers.status, "withdrawn")))
    .orderBy(...byObserverName);
  return rows.map(({ id, photoFileId, ...values }) => ({ id, hasPhoto: photoFileId !== null, values }));
}

/** Whether every step is done and every observer complete, as the check-your-answers page shows it. */
async function checkApplication(
  tx: Transaction,
  mission: LockedMission,
  stored: Awaited<ReturnType<typeof storedObservers>>,
): Promise<SubmissionCheck & { detailsMissing: boolean; letterMissing: boolean }> {
  const context = await intakeContextFor(tx, mission, stored.map((o) => o.values.passportNumber));
  const check = checkMissionSubmission(stored, context);
  const detailsMissing = mission.name === null;
  const letterMissing = mission.letterFileId === null;
  return { ...check, detailsMissing, letterMissing, canSubmit: check.canSubmit && !detailsMissing && !letterMissing };
}

/** How many observers with problems the check-your-answers page names; the rest are counted. */
const PREVIEW_LISTED_OBSERVERS = 100;

/**
 * The check-your-answers page's findings, read without changing anything: what the coordinator
 * may see (never other missions' names), with the names of the first observers to correct.
 */
export async function previewSubmission(actor: Coordinator, unverifiedMissionId: string) {
  return getDb().transaction(async (tx) => {
    const mission = await lockOwnMission(tx, actor, unverifiedMissionId);
    if (!mission) return null;
    const stored = await storedObservers(tx, mission.id);
    const check = await checkApplication(tx, mission, stored);
    const nameOf = new Map(stored.map((o) => [o.id, `${o.values.surname}, ${o.values.givenNames}`]));
    const toCorrect = check.observers
      .map((o) => ({ id: o.id, name: nameOf.get(o.id) ?? "", issues: issuesFor("coordinator", o.issues).filter((i) => i.severity === "error") }))
      .filter((o) => o.issues.length > 0);
    return {
      canSubmit: check.canSubmit,
      detailsMissing: check.detailsMissing,
      letterMissing: check.letterMissing,
      issues: issuesFor("coordinator", check.issues),
      observersToCorrect: toCorrect.slice(0, PREVIEW_LISTED_OBSERVERS),
      observersToCorrectCount: toCorrect.length,
    };
  });
}

/** The commission's closed days from `day` on, which the legal decision clock skips. */
async function closedDaysFrom(tx: Transaction, day: string): Promise<ReadonlySet<string>> {
  const rows = await tx.select({ day: closedDays.day }).from(closedDays).where(gte(closedDays.day, day));
  return new Set(rows.map((row) => row.day));
}

async function staffToNotify(tx: Transaction) {
  return tx
    .select({ email: users.email, locale: users.preferredLocale })
    .from(users)
    .where(and(eq(users.role, "reviewer"), isNull(users.disabledAt)));
}

/**
 * Submits (or resubmits after changes were requested) the whole application. Refused with the
 * findings when anything is missing; otherwise the status moves, the submission is kept in the
 * history, the legal clock starts, and the receipt and the commission's notice are queued.
 */
export async function submitApplication(actor: Coordinator, unverifiedMissionId: string, ip: Ip) {
  return getDb().transaction(async (tx) => {
    const mission = await lockOwnMission(tx, actor, unverifiedMissionId);
    if (!mission) return refused("notFound");
    const event = mission.status === "draft" ? "submit" : "resubmit";
    const next = applicationLifecycle.nextStatus(mission.status, event);
    if (!next || !applicationLifecycle.canTransition(mission.status, event, actor.role)) return refused("notEditable");
    if (!windowAllows(event, mission.election)) return refused("windowClosed");

    const observerRows = await storedObservers(tx, mission.id);
    const check = await checkApplication(tx, mission, observerRows);
    if (!check.canSubmit) return { ok: false as const, refusal: "incomplete" as const, check };

    const now = new Date();
    const due = decisionDueOn(now, mission.election.decisionWorkingDays, await closedDaysFrom(tx, todayInAshgabat(now)));
    const [last] = await tx.select({ number: max(missionSubmissions.number) }).from(missionSubmissions).where(eq(missionSubmissions.missionId, mission.id));
    const number = (last?.number ?? 0) + 1;
    const [details] = await tx
      .select({
        ...missionDetailsColumns,
        letterFileId: missions.letterFileId,
      })
      .from(missions)
      .where(eq(missions.id, mission.id));
    await tx.insert(missionSubmissions).values({
      missionId: mission.id,
      number,
      submittedAt: now,
      submittedBy: actor.id,
      decisionDueOn: due,
      observerCount: observerRows.length,
      snapshot: { details, observers: observerRows.map(({ id, hasPhoto, values }) => ({ id, hasPhoto, ...values })) },
    });
    await tx
      .update(missions)
      .set({ status: next, submittedAt: now, decisionDueOn: due, updatedAt: now, version: sql`${missions.version} + 1` })
      .where(and(eq(missions.id, mission.id), eq(missions.status, mission.status)));
    const summary = (to: Locale) => ({
      missionName: details!.name ?? "",
      electionTitle: mission.election.titles[to],
      number,
      observers: observerRows.length,
      decisionDueOn: due,
      missionId: mission.id,
    });
    // In the account's language, as every email to a coordinator is (the commission's decisions too), not the page's.
    const [submitter] = await tx.select({ email: users.email, locale: users.preferredLocale }).from(users).where(eq(users.id, actor.id));
    if (submitter) {
      await enqueueEmail(tx, { to: submitter.email, locale: submitter.locale, template: "application-receipt", content: applicationReceiptEmail(submitter.locale, summary(submitter.locale)) });
    }
    for (const reviewer of await staffToNotify(tx)) {
      const content = applicationNoticeEmail(reviewer.locale, summary(reviewer.locale));
      await enqueueEmail(tx, { to: reviewer.email, locale: reviewer.locale, template: "application-notice", content });
    }
    // Last: the audit chain's lock is held to the commit, and every writer waits for it.
    await writeAuditEvent(tx, {
      actor,
      action: "application.submitted",
      entityType: "mission",
      entityId: mission.id,
      ip,
      details: { number, from: mission.status, to: next, observers: observerRows.length, decisionDueOn: due },
    });
    return { ok: true as const, number, decisionDueOn: due };
  });
}

/**
 * Withdraws the whole application before a decision. Its observers are withdrawn with it, those
 * the commission had already accredited included: their badges stop being valid.
 */
export async function withdrawApplication(actor: Coordinator, unverifiedMissionId: string, ip: Ip) {
  return getDb().transaction(async (tx) => {
    const mission = await lockOwnMission(tx, actor, unverifiedMissionId);
    if (!mission) return refused("notFound");
    if (!applicationLifecycle.canTransition(mission.status, "withdraw", actor.role)) return refused("notEditable");
    await tx
      .update(missions)
      .set({ status: "withdrawn", updatedAt: new Date(), version: sql`${missions.version} + 1` })
      .where(and(eq(missions.id, mission.id), eq(missions.status, mission.status)));
    const withdrawn = await tx
      .update(observers)
      .set({ status: "withdrawn", updatedAt: new Date(), version: sql`${observers.version} + 1` })
      .where(and(eq(observers.missionId, mission.id), inArray(observers.status, ["pending", "accredited"])))
      .returning({ id: observers.id });
    await writeAuditEvent(tx, {
      actor,
      action: "application.withdrawn",
      entityType: "mission",
      entityId: mission.id,
      ip,
      details: { from: mission.status, observersWithdrawn: withdrawn.length },
    });
    await revokeBadges(tx, actor, withdrawn.map((o) => o.id), "application_withdrawn", ip);
    return { ok: true as const };
  });
}

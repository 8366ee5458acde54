import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db";
import { badges, elections, missions, observerRecordColumns, observers, organizations } from "@/db/schema";
import type { Locale } from "@/i18n/routing";
import { changedKeys } from "@/lib/audit/changes";
import { recordAuditEvent, writeAuditEvent } from "@/lib/audit/record";
import { checkObserver, checkPassport, electionDatesOf } from "@/lib/accreditation/intake";
import { intakeContextFor } from "@/lib/accreditation/intake-context";
import { withNameSortKey } from "@/lib/accreditation/observer-name";
import { isObserverEditable } from "@/lib/accreditation/rules";
import { isUuid, missionColumns, missionElectionColumns, withTitles } from "@/lib/accreditation/scope";
import type { ProcessedPhoto } from "@/lib/files/photo";
import { storePhoto } from "@/lib/files/store";
import type { FieldErrors } from "@/lib/forms";
import { assertPermission } from "@/lib/identity/authorize";
import type { Role } from "@/lib/identity/permissions";
import { ownDetailsErrors, type OwnDetailsInput, type OwnRecordDates } from "./schemas";

/**
 * The observer's own records (one per election they observe). Every query is scoped by the
 * verified account: another observer's id finds nothing, and the attempt is audited.
 */

export type ObserverActor = { id: string; role: Role };
type Ip = string | null;

function ownerOf(actor: ObserverActor) {
  assertPermission(actor, "complete:own-record");
  return actor.id;
}

/** An id the observer may not see: nothing is shown, and the commission can see that someone tried. */
export async function auditRefusedAccess(actor: ObserverActor, target: string, unverifiedId: string | null, ip: Ip) {
  await recordAuditEvent({
    actor,
    action: "observer.access_refused",
    entityType: "observer",
    entityId: isUuid(unverifiedId) ? unverifiedId : null,
    ip,
    // The target may quote a probed id, and a JSON column cannot hold NUL.
    details: { target: target.replaceAll("\u0000", "") },
  });
}

const electionTitle = { tk: elections.titleTk, ru: elections.titleRu, en: elections.titleEn } as const;
const organizationName = { tk: organizations.nameTk, ru: organizations.nameRu, en: organizations.nameEn } as const;

const recordColumns = (locale: Locale) => ({
  id: observers.id,
  status: observers.status,
  missionStatus: missions.status,
  ...observerRecordColumns,
  hasPhoto: sql<boolean>`${observers.photoFileId} is not null`,
  reasonCode: observers.reasonCode,
  statusReason: observers.statusReason,
  accreditationNumber: observers.accreditationNumber,
  selfCompletedAt: observers.selfCompletedAt,
  hasBadge: sql<boolean>`exists (select 1 from ${badges} where ${badges.observerId} = ${observers.id} and ${badges.revokedAt} is null)`,
  missionName: missions.name,
  organization: organizationName[locale],
  electionTitle: electionTitle[locale],
  electionDay: elections.electionDay,
  observationStartsOn: elections.observationStartsOn,
  observationEndsOn: elections.observationEndsOn,
});

const ownRecords = (owner: string, locale: Locale) =>
  getDb()
    .select(recordColumns(locale))
    .from(observers)
    .innerJoin(missions, eq(missions.id, observers.missionId))
    .innerJoin(organizations, eq(organizations.id, missions.organizationId))
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .where(and(eq(observers.userId, owner), sql`${observers.status} <> 'withdrawn'`))
    .orderBy(asc(elections.electionDay))
    .$dynamic();

export type OwnRecord = Awaited<ReturnType<typeof ownRecords>>[number];

/** What is still missing before the coordinator can submit: the photo, or the observer's own check. */
export function missingItems(record: Pick<OwnRecord, "hasPhoto" | "selfCompletedAt">) {
  return [...(record.hasPhoto ? [] : ["photo" as const]), ...(record.selfCompletedAt ? [] : ["confirmation" as const])];
}

/** Whether the observer may still change their details: until the coordinator submits. */
export const isOwnRecordEditable = (record: Pick<OwnRecord, "status" | "missionStatus">) => isObserverEditable(record.missionStatus, record.status);

export async function listOwnRecords(actor: ObserverActor, locale: Locale) {
  return ownRecords(ownerOf(actor), locale);
}

/** One of the observer's own records; null for anyone else's (the caller audits and answers 404). */
export async function getOwnRecord(actor: ObserverActor, unverifiedObserverId: string, locale: Locale) {
  const owner = ownerOf(actor);
  if (!isUuid(unverifiedObserverId)) return null;
  const [row] = await ownRecords(owner, locale).where(and(eq(observers.userId, owner), eq(observers.id, unverifiedObserverId), sql`${observers.status} <> 'withdrawn'`));
  return row ?? null;
}

/** What the own-details form compares the observer's dates with, in the page and in its Server Action alike. */
export const ownRecordDates = (record: OwnRecord): OwnRecordDates => ({ election: electionDatesOf(record), departureOn: record.departureOn });

/** The observer's record and its mission (in the shape the intake checks read), locked for the change. */
async function lockOwnRecord(tx: Transaction, owner: string, unverifiedObserverId: string) {
  if (!isUuid(unverifiedObserverId)) return null;
  const [row] = await tx
    .select({
      observer: {
        id: observers.id,
        status: observers.status,
        ...observerRecordColumns,
      },
      mission: missionColumns,
      election: missionElectionColumns,
    })
    .from(observers)
    .innerJoin(missions, eq(missions.id, observers.missionId))
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .where(and(eq(observers.id, unverifiedObserverId), eq(observers.userId, owner)))
    .for("update", { of: [observers, missions] });
  if (!row) return null;
  return { observer: row.observer, mission: { ...row.mission, election: withTitles(row.election) } };
}

/**
 * The passport rules for a passport number and nationality that passed their format check, so the
 * form reports a passport already taken in the same round as another field's mistake. The save
 * checks again under its locks.
 */
export async function ownPassportErrors(
  actor: ObserverActor,
  unverifiedObserverId: string,
  { passportNumber, nationality }: Partial<Pick<OwnDetailsInput, "passportNumber" | "nationality">>,
): Promise<FieldErrors> {
  if (!passportNumber || !nationality) return {};
  const owner = ownerOf(actor);
  return getDb().transaction(async (tx) => {
    const found = await lockOwnRecord(tx, owner, unverifiedObserverId);
    if (!found) return {};
    const context = await intakeContextFor(tx, found.mission, [passportNumber]);
    return ownDetailsErrors(checkPassport({ id: found.observer.id, passportNumber, nationality }, context));
  });
}

export type OwnDetailsOutcome = { ok: true } | { ok: false; refusal: "notFound" | "notEditable" } | { ok: false; fieldErrors: FieldErrors };

/**
 * Saves the observer's own passport details and photo, with the coordinator's intake checks
 * (age, passport validity, the same passport twice), until the application is submitted.
 */
export async function saveOwnDetails(actor: ObserverActor, unverifiedObserverId: string, input: OwnDetailsInput, photo: ProcessedPhoto | null, ip: Ip): Promise<OwnDetailsOutcome> {
  const owner = ownerOf(actor);
  return getDb().transaction(async (tx): Promise<OwnDetailsOutcome> => {
    const found = await lockOwnRecord(tx, owner, unverifiedObserverId);
    if (!found) return { ok: false, refusal: "notFound" };
    const { observer, mission } = found;
    if (!isObserverEditable(mission.status, observer.status)) return { ok: false, refusal: "notEditable" };

    const record = { ...observer, ...input, cyrillicName: input.cyrillicName, email: observer.email ?? undefined };
    const context = await intakeContextFor(tx, mission, [input.passportNumber]);
    const fieldErrors = ownDetailsErrors(checkObserver(record, context));
    if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };

    const values = { ...input, cyrillicName: input.cyrillicName ?? null };
    const changes = changedKeys(observer, values);
    const photoFileId = photo ? await storePhoto(tx, photo, actor.id) : undefined;
    const now = new Date();
    await tx
      .update(observers)
      .set({ ...withNameSortKey(values), ...(photoFileId && { photoFileId }), selfCompletedAt: now, updatedAt: now, version: sql`${observers.version} + 1` })
      .where(eq(observers.id, observer.id));
    // Which fields changed, never their values: they are passport data.
    await writeAuditEvent(tx, {
      actor,
      action: "observer.self_updated",
      entityType: "observer",
      entityId: observer.id,
      ip,
      details: { missionId: mission.id, fields: changes, newPhoto: Boolean(photoFileId) },
    });
    return { ok: true };
  });
}

/** The observer's own photo (the file id), for the photo route; null for anyone else's. */
export async function ownRecordPhotoFileId(actor: ObserverActor, unverifiedObserverId: string) {
  const owner = ownerOf(actor);
  if (!isUuid(unverifiedObserverId)) return null;
  const [row] = await getDb()
    .select({ fileId: observers.photoFileId })
    .from(observers)
    .where(and(eq(observers.id, unverifiedObserverId), eq(observers.userId, owner)));
  return row?.fileId ?? null;
}

import "server-only";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db";
import { observerRecordColumns, observers } from "@/db/schema";
import { changedKeys } from "@/lib/audit/changes";
import { writeAuditEvent } from "@/lib/audit/record";
import { revokeBadges } from "@/lib/badges/issue";
import type { ProcessedPhoto } from "@/lib/files/photo";
import { storePhoto } from "@/lib/files/store";
import type { ZipPhotoEntry } from "@/lib/files/zip-photos";
import type { FieldErrors } from "@/lib/forms";
import { revokeOpenLinks } from "@/lib/observers/invitations";
import type { ImportError } from "./import";
import { tellCoordinators } from "./coordinator-news";
import { checkObserver, checkPassport, coordinatorErrors, type ObserverIntakeContext } from "./intake";
import { intakeContextFor, savedHeadOfMission } from "./intake-context";
import { withNameSortKey } from "./observer-name";
import type { ObserverField, ObserverInput } from "./observer-schema";
import { acceptsAmendments, isEditable, isObserverEditable, windowAllows } from "./rules";
import { isUuid, lockOwnMission, organizationOf, type Coordinator, type LockedMission } from "./scope";
import { observerLifecycle } from "./transitions";

type Ip = string | null;
type Refusal = "notFound" | "notEditable" | "windowClosed";
const refused = (refusal: Refusal) => ({ ok: false as const, refusal });

/** The coordinator's intake errors for one observer, one message per field. */
const intakeErrors = (observer: ObserverInput & { id?: string }, context: ObserverIntakeContext) => coordinatorErrors(checkObserver(observer, context));

/**
 * Only one observer of a mission may be head of mission. The mission is locked, so two saves at
 * once cannot both find the role free; the import reports the same codes by row. A head still
 * the coordinator's to correct can change role; one the commission has decided on must first be
 * withdrawn.
 */
async function savedHeadCode(tx: Transaction, mission: LockedMission, observerId?: string) {
  const head = await savedHeadOfMission(tx, mission.id, observerId);
  if (!head) return null;
  return isObserverEditable(mission.status, head) ? ("headOfMissionSaved" as const) : ("headOfMissionDecided" as const);
}

async function headOfMissionErrors(tx: Transaction, mission: LockedMission, input: Partial<Pick<ObserverInput, "role">>, observerId?: string): Promise<FieldErrors> {
  const code = input.role === "head_of_mission" ? await savedHeadCode(tx, mission, observerId) : null;
  return code ? { role: code } : {};
}

/** The observer form's fields that rules on saved data judge. */
export const savedDataFields = ["passportNumber", "nationality", "role"] as const;

/**
 * The rules on saved data (a passport already in an application, a second head of mission) for
 * those of `savedDataFields` that passed their format check, so a form with another field mistyped
 * reports them in the same round. The save checks them again under its locks.
 */
export async function savedDataErrors(
  actor: Coordinator,
  unverifiedMissionId: string,
  fields: Partial<Pick<ObserverInput, (typeof savedDataFields)[number]>>,
  unverifiedObserverId: string | null,
): Promise<FieldErrors> {
  return getDb().transaction(async (tx) => {
    const mission = await lockOwnMission(tx, actor, unverifiedMissionId);
    if (!mission) return {};
    // Another mission's observer id matches none of this mission's observers: it excludes nothing.
    const id = unverifiedObserverId && isUuid(unverifiedObserverId) ? unverifiedObserverId : undefined;
    const { passportNumber, nationality } = fields;
    const passport =
      passportNumber && nationality ? coordinatorErrors(checkPassport({ id, passportNumber, nationality }, await intakeContextFor(tx, mission, [passportNumber]))) : {};
    return { ...passport, ...(await headOfMissionErrors(tx, mission, fields, id)) };
  });
}

/**
 * Adds one observer. While the application is the coordinator's to edit the photo may follow
 * later; after approval the observer goes to the commission at once, as an amendment, so the
 * photo must come with it.
 */
export async function addObserver(actor: Coordinator, unverifiedMissionId: string, input: ObserverInput, photo: ProcessedPhoto | null, ip: Ip) {
  return getDb().transaction(async (tx) => {
    const mission = await lockOwnMission(tx, actor, unverifiedMissionId);
    if (!mission) return refused("notFound");
    const amendment = acceptsAmendments(mission.status);
    if (!isEditable(mission.status) && !amendment) return refused("notEditable");
    if (amendment && !windowAllows("amend", mission.election)) return refused("windowClosed");
    if (amendment && !photo) return { ok: false as const, fieldErrors: { photo: "photoRequired" } as FieldErrors };

    const fieldErrors = {
      ...intakeErrors(input, await intakeContextFor(tx, mission, [input.passportNumber])),
      ...(await headOfMissionErrors(tx, mission, input)),
    };
    if (Object.keys(fieldErrors).length > 0) return { ok: false as const, fieldErrors };

    const photoFileId = photo ? await storePhoto(tx, photo, actor.id) : null;
    const [created] = await tx
      .insert(observers)
      .values({ ...withNameSortKey(input), cyrillicName: input.cyrillicName ?? null, email: input.email ?? null, missionId: mission.id, photoFileId, isAmendment: amendment })
      .returning({ id: observers.id });
    await writeAuditEvent(tx, {
      actor,
      action: "observer.added",
      entityType: "observer",
      entityId: created!.id,
      ip,
      details: { missionId: mission.id, role: input.role, amendment, withPhoto: photoFileId !== null },
    });
    return { ok: true as const, observerId: created!.id };
  });
}

const observerColumns = {
  status: observers.status,
  accreditationNumber: observers.accreditationNumber,
  ...observerRecordColumns,
};

async function lockObserver(tx: Transaction, missionId: string, unverifiedObserverId: string) {
  if (!isUuid(unverifiedObserverId)) return null;
  const [row] = await tx
    .select({ id: observers.id, ...observerColumns })
    .from(observers)
    .where(and(eq(observers.id, unverifiedObserverId), eq(observers.missionId, missionId)))
    .for("update");
  return row ?? null;
}

/** Corrects a pending observer of an editable application; a new photo replaces the old one. */
export async function updateObserver(
  actor: Coordinator,
  unverifiedMissionId: string,
  unverifiedObserverId: string,
  input: ObserverInput,
  photo: ProcessedPhoto | null,
  ip: Ip,
) {
  return getDb().transaction(async (tx) => {
    const mission = await lockOwnMission(tx, actor, unverifiedMissionId);
    if (!mission) return refused("notFound");
    const observer = await lockObserver(tx, mission.id, unverifiedObserverId);
    if (!observer) return refused("notFound");
    if (!isObserverEditable(mission.status, observer.status)) return refused("notEditable");

    const fieldErrors = {
      ...intakeErrors({ ...input, id: observer.id }, await intakeContextFor(tx, mission, [input.passportNumber])),
      ...(await headOfMissionErrors(tx, mission, input, observer.id)),
    };
    if (Object.keys(fieldErrors).length > 0) return { ok: false as const, fieldErrors };

    const values = { ...input, cyrillicName: input.cyrillicName ?? null, email: input.email ?? null };
    const changes = changedKeys(observer, values);
    const photoFileId = photo ? await storePhoto(tx, photo, actor.id) : undefined;
    if (changes.length === 0 && !photoFileId) return { ok: true as const };
    await tx
      .update(observers)
      .set({ ...withNameSortKey(values), ...(photoFileId && { photoFileId }), updatedAt: new Date(), version: sql`${observers.version} + 1` })
      .where(eq(observers.id, observer.id));
    // A link sent to the old address must not open the record for whoever reads that mailbox now.
    if (changes.includes("email")) await revokeOpenLinks(tx, observer.id);
    // Which fields changed, never their values: they are passport data.
    await writeAuditEvent(tx, {
      actor,
      action: "observer.updated",
      entityType: "observer",
      entityId: observer.id,
      ip,
      details: { missionId: mission.id, fields: changes, newPhoto: Boolean(photoFileId) },
    });
    return { ok: true as const };
  });
}

/**
 * Takes an observer off the list. Before any decision the row goes (the submission history keeps
 * what the commission saw); after approval the observer is withdrawn, which ends their badge.
 */
export async function removeObserver(actor: Coordinator, unverifiedMissionId: string, unverifiedObserverId: string, ip: Ip) {
  return getDb().transaction(async (tx) => {
    const mission = await lockOwnMission(tx, actor, unverifiedMissionId);
    if (!mission) return refused("notFound");
    const observer = await lockObserver(tx, mission.id, unverifiedObserverId);
    if (!observer) return refused("notFound");

    if (isObserverEditable(mission.status, observer.status)) {
      await tx.delete(observers).where(eq(observers.id, observer.id));
      await writeAuditEvent(tx, { actor, action: "observer.removed", entityType: "observer", entityId: observer.id, ip, details: { missionId: mission.id } });
      return { ok: true as const, outcome: "removed" as const };
    }
    if (acceptsAmendments(mission.status) && observerLifecycle.canTransition(observer.status, "withdraw", actor.role)) {
      await tx
        .update(observers)
        .set({ status: "withdrawn", updatedAt: new Date(), version: sql`${observers.version} + 1` })
        .where(and(eq(observers.id, observer.id), eq(observers.status, observer.status)));
      await writeAuditEvent(tx, {
        actor,
        action: "observer.withdrawn",
        entityType: "observer",
        entityId: observer.id,
        ip,
        details: { missionId: mission.id, from: observer.status },
      });
      await revokeOpenLinks(tx, observer.id);
      const revoked = await revokeBadges(tx, actor, [observer.id], "observer_withdrawn", ip);
      // The badge a mission printed stops verifying: every coordinator of the mission hears of it.
      if (revoked.length > 0) {
        await tellCoordinators(
          tx,
          { id: mission.id, organizationId: organizationOf(actor), name: mission.name, titles: mission.election.titles },
          { kind: "badgeWithdrawn", observer: `${observer.surname}, ${observer.givenNames}`, accreditationNumber: observer.accreditationNumber ?? "" },
        );
      }
      return { ok: true as const, outcome: "withdrawn" as const };
    }
    return refused("notEditable");
  });
}

export type ImportOutcome =
  | { ok: true; imported: number }
  | { ok: false; refusal: Refusal }
  | { ok: false; errors: ImportError[] };

/**
 * Adds a whole checked list in one transaction, after the intake checks of every row: any error
 * and nothing is added, and the report names each row and column.
 */
export async function importObservers(
  actor: Coordinator,
  unverifiedMissionId: string,
  list: { observers: ObserverInput[]; rows: number[] },
  ip: Ip,
): Promise<ImportOutcome> {
  return getDb().transaction(async (tx) => {
    const mission = await lockOwnMission(tx, actor, unverifiedMissionId);
    if (!mission) return refused("notFound");
    if (!isEditable(mission.status)) return refused("notEditable");

    const context = await intakeContextFor(
      tx,
      mission,
      list.observers.map((o) => o.passportNumber),
    );
    // The file's own heads beyond the first were refused when it was read; here, one already saved.
    const savedHead = await savedHeadCode(tx, mission);
    const errors: ImportError[] = [];
    list.observers.forEach((observer, index) => {
      const row = list.rows[index]!;
      for (const [field, code] of Object.entries(intakeErrors(observer, context))) {
        errors.push({ row, column: field as ObserverField, code });
      }
      if (savedHead && observer.role === "head_of_mission") errors.push({ row, column: "role", code: savedHead });
    });
    if (errors.length > 0) return { ok: false as const, errors };

    const rows = list.observers.map((o) => ({ ...withNameSortKey(o), cyrillicName: o.cyrillicName ?? null, email: o.email ?? null, missionId: mission.id }));
    // Chunks keep each statement's parameters under PostgreSQL's limit of 65,535.
    for (let start = 0; start < rows.length; start += 500) {
      await tx.insert(observers).values(rows.slice(start, start + 500));
    }
    await writeAuditEvent(tx, { actor, action: "observers.imported", entityType: "mission", entityId: mission.id, ip, details: { count: rows.length } });
    return { ok: true as const, imported: rows.length };
  });
}

/** The passports of the observers whose photo a ZIP may bring: pending ones of an editable application. */
export async function photoTargets(actor: Coordinator, unverifiedMissionId: string) {
  return getDb().transaction(async (tx) => {
    const mission = await lockOwnMission(tx, actor, unverifiedMissionId);
    if (!mission) return refused("notFound");
    if (!isEditable(mission.status)) return refused("notEditable");
    const pending = await tx
      .select({ passportNumber: observers.passportNumber })
      .from(observers)
      .where(and(eq(observers.missionId, mission.id), eq(observers.status, "pending")));
    return { ok: true as const, passports: pending.map((o) => o.passportNumber) };
  });
}

/**
 * Attaches the photos a ZIP brought, each to the observer with its passport number; the entries
 * that failed are reported, not stored. One transaction: all the photos or, on a failure, none.
 */
export async function attachZipPhotos(actor: Coordinator, unverifiedMissionId: string, entries: ZipPhotoEntry[], ip: Ip) {
  return getDb().transaction(async (tx) => {
    const mission = await lockOwnMission(tx, actor, unverifiedMissionId);
    if (!mission) return refused("notFound");
    if (!isEditable(mission.status)) return refused("notEditable");
    const accepted = entries.filter((entry): entry is Extract<ZipPhotoEntry, { ok: true }> => entry.ok);
    const targets = accepted.length
      ? await tx
          .select({ id: observers.id, passportNumber: observers.passportNumber })
          .from(observers)
          .where(
            and(
              eq(observers.missionId, mission.id),
              eq(observers.status, "pending"),
              inArray(
                observers.passportNumber,
                accepted.map((entry) => entry.passportNumber),
              ),
            ),
          )
      : [];
    const observerOf = new Map(targets.map((t) => [t.passportNumber, t.id]));
    let attached = 0;
    for (const entry of accepted) {
      const observerId = observerOf.get(entry.passportNumber);
      if (!observerId) continue;
      const photoFileId = await storePhoto(tx, entry.photo, actor.id);
      await tx.update(observers).set({ photoFileId, updatedAt: new Date(), version: sql`${observers.version} + 1` }).where(and(eq(observers.id, observerId), ne(observers.status, "withdrawn")));
      attached += 1;
    }
    if (attached > 0) {
      await writeAuditEvent(tx, { actor, action: "observer.photo_attached", entityType: "mission", entityId: mission.id, ip, details: { count: attached, source: "zip" } });
    }
    return { ok: true as const, attached };
  });
}

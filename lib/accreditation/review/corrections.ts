import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { getDb } from "@/db";
import { observers } from "@/db/schema";
import { changedKeys } from "@/lib/audit/changes";
import { writeAuditEvent } from "@/lib/audit/record";
import { reissueBadge } from "@/lib/badges/issue";
import type { ProcessedPhoto } from "@/lib/files/photo";
import { storePhoto } from "@/lib/files/store";
import { assertPermission } from "@/lib/identity/authorize";
import { tellCoordinators } from "../coordinator-news";
import { withNameSortKey } from "../observer-name";
import { isUuid } from "../scope";
import { bumpMission, lockMission, type DecisionRefusal, type Staff } from "./decisions";
import type { ObserverCorrection } from "./schemas";

/**
 * After accreditation nobody edits an observer, except the commission correcting the name or the
 * photo the badge shows (a misspelt passport name, a photo that does not fit). The printed badge
 * then says something untrue, so it is revoked and a new one signed in the same transaction.
 */

type Ip = string | null;
export type CorrectionRefusal = DecisionRefusal | "unchanged";

/** What the correction form starts from: the observer's names, if accredited in this mission. */
export async function getObserverForCorrection(actor: Staff, unverifiedMissionId: string, unverifiedObserverId: string) {
  assertPermission(actor, "decide:observer");
  if (!isUuid(unverifiedMissionId) || !isUuid(unverifiedObserverId)) return null;
  const [row] = await getDb()
    .select({
      id: observers.id,
      version: observers.version,
      surname: observers.surname,
      givenNames: observers.givenNames,
      cyrillicName: observers.cyrillicName,
      accreditationNumber: observers.accreditationNumber,
      hasPhoto: isNotNull(observers.photoFileId),
    })
    .from(observers)
    .where(and(eq(observers.id, unverifiedObserverId), eq(observers.missionId, unverifiedMissionId), eq(observers.status, "accredited")));
  return row ?? null;
}

/**
 * Corrects the name or photo of an accredited observer at the version the reviewer saw, re-issues
 * the badge (the old id verifies as REVOKED from now on), audits both and tells the coordinators
 * to print the new badge.
 */
export async function correctAccreditedObserver(
  actor: Staff,
  unverifiedMissionId: string,
  seen: { observerId: string; version: number },
  correction: ObserverCorrection,
  photo: ProcessedPhoto | null,
  ip: Ip,
) {
  assertPermission(actor, "decide:observer");
  return getDb().transaction(async (tx) => {
    const mission = await lockMission(tx, unverifiedMissionId);
    if (!mission || !isUuid(seen.observerId)) return { ok: false as const, refusal: "notFound" as CorrectionRefusal };
    const [observer] = await tx
      .select({ id: observers.id, status: observers.status, version: observers.version, surname: observers.surname, givenNames: observers.givenNames, cyrillicName: observers.cyrillicName, accreditationNumber: observers.accreditationNumber })
      .from(observers)
      .where(and(eq(observers.id, seen.observerId), eq(observers.missionId, mission.id)))
      .for("update");
    if (!observer) return { ok: false as const, refusal: "notFound" as CorrectionRefusal };
    if (observer.version !== seen.version) return { ok: false as const, refusal: "changed" as CorrectionRefusal };
    if (observer.status !== "accredited") return { ok: false as const, refusal: "notAllowed" as CorrectionRefusal };

    const values = { surname: correction.surname, givenNames: correction.givenNames, cyrillicName: correction.cyrillicName ?? null };
    const fields = changedKeys(observer, values);
    if (fields.length === 0 && !photo) return { ok: false as const, refusal: "unchanged" as CorrectionRefusal };
    const photoFileId = photo ? await storePhoto(tx, photo, actor.id) : undefined;
    const now = new Date();
    await tx
      .update(observers)
      .set({ ...withNameSortKey(values), ...(photoFileId && { photoFileId }), updatedAt: now, version: observer.version + 1 })
      .where(eq(observers.id, observer.id));
    await bumpMission(tx, mission.id);
    // Which fields changed, never their values: they are passport data.
    await writeAuditEvent(tx, { actor, action: "observer.corrected", entityType: "observer", entityId: observer.id, ip, details: { missionId: mission.id, fields, newPhoto: Boolean(photoFileId) } });
    const badge = await reissueBadge(tx, actor, observer.id, ip);
    await tellCoordinators(tx, mission, { kind: "badgeReissued", observer: `${values.surname}, ${values.givenNames}`, accreditationNumber: observer.accreditationNumber ?? "" });
    return { ok: true as const, badgeId: badge?.id ?? null };
  });
}


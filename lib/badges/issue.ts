import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Transaction } from "@/db";
import { badges, elections, files, missions, observers, organizations, type BadgeRevocationReason } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/record";
import { getBadgeKeys } from "./keys";
import { badgeClaimsFor, signBadgeToken } from "./token";

/**
 * Issuing and revoking badges. Each runs inside the caller's transaction (the decision that
 * accredits, revokes or withdraws the observer), so a badge never outlives or precedes its
 * accreditation, and writes one audit event per mission for the whole batch.
 */

type Actor = { id: string; role: string } | null;
type Ip = string | null;

/** Map.groupBy, which Node 20 lacks. */
function groupBy<T>(items: T[], keyOf: (item: T) => string) {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

export const newBadgeId = () => randomBytes(16).toString("base64url");

/** Signs a new badge for each accredited observer named (those with a current badge keep it). */
export async function issueBadges(tx: Transaction, actor: Actor, observerIds: string[], ip: Ip, reason: "accredited" | "reissued" = "accredited") {
  if (observerIds.length === 0) return [];
  const subjects = await tx
    .select({
      observerId: observers.id,
      missionId: observers.missionId,
      accreditationNumber: observers.accreditationNumber,
      surname: observers.surname,
      givenNames: observers.givenNames,
      cyrillicName: observers.cyrillicName,
      role: observers.role,
      organizationAcronym: organizations.acronym,
      electionCode: elections.code,
      electionTitleEn: elections.titleEn,
      observationStartsOn: elections.observationStartsOn,
      observationEndsOn: elections.observationEndsOn,
      photoSha256: files.sha256,
    })
    .from(observers)
    .innerJoin(missions, eq(missions.id, observers.missionId))
    .innerJoin(organizations, eq(organizations.id, missions.organizationId))
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .leftJoin(files, eq(files.id, observers.photoFileId))
    .leftJoin(badges, and(eq(badges.observerId, observers.id), isNull(badges.revokedAt)))
    .where(and(inArray(observers.id, observerIds), eq(observers.status, "accredited"), isNull(badges.id)));
  if (subjects.length === 0) return [];

  const { current } = getBadgeKeys();
  const issuedAt = new Date();
  const rows = await Promise.all(
    subjects.map(async (subject) => {
      const claims = badgeClaimsFor({ ...subject, badgeId: newBadgeId(), accreditationNumber: subject.accreditationNumber! }, issuedAt);
      return {
        missionId: subject.missionId,
        badge: {
          id: claims.jti,
          observerId: subject.observerId,
          kid: current.kid,
          token: await signBadgeToken(claims, current),
          validFrom: new Date(claims.nbf * 1000),
          validUntil: new Date(claims.exp * 1000),
          issuedAt,
        },
      };
    }),
  );
  for (let start = 0; start < rows.length; start += 500) {
    await tx.insert(badges).values(rows.slice(start, start + 500).map((row) => row.badge));
  }
  for (const [missionId, ofMission] of groupBy(rows, (row) => row.missionId)) {
    await writeAuditEvent(tx, {
      actor,
      action: "badge.issued",
      entityType: "mission",
      entityId: missionId,
      ip,
      details: { reason, kid: current.kid, count: ofMission.length, badges: ofMission.map((row) => ({ observerId: row.badge.observerId, badgeId: row.badge.id })) },
    });
  }
  return rows.map((row) => row.badge);
}

/** Revokes the current badge of each observer named; the list of revoked ids shows them at once. */
export async function revokeBadges(tx: Transaction, actor: Actor, observerIds: string[], reason: BadgeRevocationReason, ip: Ip) {
  if (observerIds.length === 0) return [];
  const revoked = await tx
    .update(badges)
    .set({ revokedAt: new Date(), revocationReason: reason })
    .where(and(inArray(badges.observerId, observerIds), isNull(badges.revokedAt)))
    .returning({ id: badges.id, observerId: badges.observerId });
  if (revoked.length === 0) return [];
  const missionOf = new Map(
    (await tx.select({ id: observers.id, missionId: observers.missionId }).from(observers).where(inArray(observers.id, revoked.map((b) => b.observerId)))).map((o) => [
      o.id,
      o.missionId,
    ]),
  );
  for (const [missionId, ofMission] of groupBy(revoked, (badge) => missionOf.get(badge.observerId)!)) {
    await writeAuditEvent(tx, {
      actor,
      action: "badge.revoked",
      entityType: "mission",
      entityId: missionId,
      ip,
      details: { reason, count: ofMission.length, badges: ofMission.map((badge) => ({ observerId: badge.observerId, badgeId: badge.id })) },
    });
  }
  return revoked;
}

/**
 * A new badge for an accredited observer whose name or photo changed: the old one is revoked
 * (it verifies as REVOKED from now on) and a new id is signed with the current data.
 */
export async function reissueBadge(tx: Transaction, actor: Actor, observerId: string, ip: Ip) {
  const [observer] = await tx.select({ status: observers.status }).from(observers).where(eq(observers.id, observerId)).for("update");
  if (observer?.status !== "accredited") return null;
  await revokeBadges(tx, actor, [observerId], "reissued", ip);
  const [badge] = await issueBadges(tx, actor, [observerId], ip, "reissued");
  return badge ?? null;
}

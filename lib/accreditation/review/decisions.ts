import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db";
import { elections, missions, observers, reviewComments } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/record";
import { issueBadges, revokeBadges } from "@/lib/badges/issue";
import type { DecisionNews } from "@/lib/email/templates/decision";
import { assertPermission } from "@/lib/identity/authorize";
import type { Role } from "@/lib/identity/permissions";
import { tellObservers } from "@/lib/observers/observer-news";
import { tellCoordinators } from "../coordinator-news";
import { byObserverName } from "../observer-name";
import { isUuid } from "../scope";
import { applicationLifecycle, observerLifecycle, type ApplicationEvent } from "../transitions";
import type { DecisionReason } from "../vocabulary";

/**
 * The commission's decisions. Every one names the version of the record the reviewer saw: when
 * someone else changed it meanwhile, nothing is done and the reviewer is told (no silent
 * overwrite). Each decision is one transaction with its audit event and the coordinators' email.
 */

export type Staff = { id: string; role: Role };
type Ip = string | null;

export type DecisionRefusal = "notFound" | "changed" | "notAllowed" | "pendingObservers" | "undecidable";
const refused = (refusal: DecisionRefusal, extra: { changedObserverIds?: string[]; undecidableObserverIds?: string[] } = {}) => ({ ok: false as const, refusal, ...extra });

export async function lockMission(tx: Transaction, unverifiedMissionId: string) {
  if (!isUuid(unverifiedMissionId)) return null;
  const [row] = await tx
    .select({
      id: missions.id,
      status: missions.status,
      version: missions.version,
      name: missions.name,
      organizationId: missions.organizationId,
      electionId: missions.electionId,
      electionCode: elections.code,
      titles: { tk: elections.titleTk, ru: elections.titleRu, en: elections.titleEn },
    })
    .from(missions)
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .where(eq(missions.id, unverifiedMissionId))
    .for("update", { of: missions });
  return row ?? null;
}
type ReviewedMission = NonNullable<Awaited<ReturnType<typeof lockMission>>>;

export const bumpMission = (tx: Transaction, missionId: string, values: Partial<typeof missions.$inferInsert> = {}) =>
  tx
    .update(missions)
    .set({ ...values, updatedAt: new Date(), version: sql`${missions.version} + 1` })
    .where(eq(missions.id, missionId));

/** Moves the application itself: request changes, approve, reject. */
async function decideApplication(
  actor: Staff,
  unverifiedMissionId: string,
  seenVersion: number,
  event: Extract<ApplicationEvent, "request_changes" | "approve" | "reject">,
  act: (
    tx: Transaction,
    mission: ReviewedMission,
  ) => Promise<{ ok: false; refusal: DecisionRefusal } | { ok: true; news: DecisionNews; details: Record<string, unknown>; missionValues?: { rejectionReason: string } }>,
  ip: Ip,
) {
  assertPermission(actor, "review:applications");
  return getDb().transaction(async (tx) => {
    const mission = await lockMission(tx, unverifiedMissionId);
    if (!mission) return refused("notFound");
    if (mission.version !== seenVersion) return refused("changed");
    const next = applicationLifecycle.nextStatus(mission.status, event);
    if (!next || !applicationLifecycle.canTransition(mission.status, event, actor.role)) return refused("notAllowed");
    const result = await act(tx, mission);
    if (!result.ok) return result;
    await bumpMission(tx, mission.id, { status: next, ...(next !== "changes_requested" && { decidedAt: new Date() }), ...result.missionValues });
    await writeAuditEvent(tx, {
      actor,
      action: event === "request_changes" ? "application.changes_requested" : event === "approve" ? "application.approved" : "application.rejected",
      entityType: "mission",
      entityId: mission.id,
      ip,
      details: { from: mission.status, to: next, ...result.details },
    });
    await tellCoordinators(tx, mission, result.news);
    return { ok: true as const };
  });
}

/**
 * Sends the application back with the commission's comment: on the observers it names, each
 * keeping its own copy, or else on the whole application.
 */
export function requestChanges(actor: Staff, unverifiedMissionId: string, seenVersion: number, input: { comment: string; observerIds: string[] }, ip: Ip) {
  return decideApplication(
    actor,
    unverifiedMissionId,
    seenVersion,
    "request_changes",
    async (tx, mission) => {
      const named = input.observerIds.filter(isUuid);
      const onObservers = named.length
        ? await tx
            .select({ id: observers.id })
            .from(observers)
            .where(and(eq(observers.missionId, mission.id), inArray(observers.id, named)))
        : [];
      await tx
        .insert(reviewComments)
        .values(
          onObservers.length
            ? onObservers.map((o) => ({ missionId: mission.id, observerId: o.id, authorId: actor.id, body: input.comment }))
            : [{ missionId: mission.id, authorId: actor.id, body: input.comment }],
        );
      return { ok: true, news: { kind: "changesRequested", comment: input.comment }, details: { observers: onObservers.length } };
    },
    ip,
  );
}

/** Approves an application whose every observer has been decided (no one is accredited silently). */
export function approveApplication(actor: Staff, unverifiedMissionId: string, seenVersion: number, ip: Ip) {
  return decideApplication(
    actor,
    unverifiedMissionId,
    seenVersion,
    "approve",
    async (tx, mission) => {
      const [counts] = await tx
        .select({
          pending: sql<number>`count(*) filter (where ${observers.status} = 'pending')`.mapWith(Number),
          accredited: sql<number>`count(*) filter (where ${observers.status} = 'accredited')`.mapWith(Number),
        })
        .from(observers)
        .where(eq(observers.missionId, mission.id));
      if (counts!.pending > 0) return { ok: false, refusal: "pendingObservers" };
      return { ok: true, news: { kind: "approved", accredited: counts!.accredited }, details: { accredited: counts!.accredited } };
    },
    ip,
  );
}

/**
 * Rejects the application with its reason: its observers still pending are refused with it, and
 * any already accredited lose their accreditation (revoked), so no badge outlives the application.
 */
export function rejectApplication(actor: Staff, unverifiedMissionId: string, seenVersion: number, reason: string, ip: Ip) {
  return decideApplication(
    actor,
    unverifiedMissionId,
    seenVersion,
    "reject",
    async (tx, mission) => {
      const decided = { reasonCode: "other" as const, statusReason: reason, decidedAt: new Date(), decidedBy: actor.id, updatedAt: new Date(), version: sql`${observers.version} + 1` };
      const refusedNow = await tx
        .update(observers)
        .set({ status: "refused", ...decided })
        .where(and(eq(observers.missionId, mission.id), eq(observers.status, "pending")))
        .returning({ id: observers.id });
      const revokedNow = await tx
        .update(observers)
        .set({ status: "revoked", ...decided })
        .where(and(eq(observers.missionId, mission.id), eq(observers.status, "accredited")))
        .returning({ id: observers.id });
      await revokeBadges(tx, actor, revokedNow.map((o) => o.id), "application_rejected", ip);
      await tellObservers(tx, refusedNow.map((o) => o.id), { kind: "refused", reasonCode: "other", reason });
      await tellObservers(tx, revokedNow.map((o) => o.id), { kind: "revoked", reasonCode: "other", reason });
      return {
        ok: true,
        news: { kind: "rejected", reason },
        details: { observersRefused: refusedNow.length, observersRevoked: revokedNow.length },
        missionValues: { rejectionReason: reason },
      };
    },
    ip,
  );
}

export type ObserverDecision =
  | { kind: "accredit" }
  | { kind: "refuse"; reasonCode: DecisionReason; reason: string }
  | { kind: "revoke"; reasonCode: DecisionReason; reason: string };

/**
 * Accredits, refuses or revokes observers of one mission, one or many at once, each at the
 * version the reviewer saw. If any of them changed meanwhile, none is decided. Accredited
 * observers get the election's next accreditation numbers, in the order of their names.
 * `seenMissionVersion`, the application's version on the reviewer's page when the form sends it,
 * tells a decision made impossible by someone else's (the application sent back or rejected
 * meanwhile) from one the reviewer could never make.
 */
export async function decideObservers(
  actor: Staff,
  unverifiedMissionId: string,
  seen: { observerId: string; version: number }[],
  decision: ObserverDecision,
  ip: Ip,
  seenMissionVersion?: number,
) {
  assertPermission(actor, "decide:observer");
  const event = decision.kind;
  return getDb().transaction(async (tx) => {
    const mission = await lockMission(tx, unverifiedMissionId);
    if (!mission) return refused("notFound");
    // Observers are decided while the application is under review, and amendments after approval.
    if (mission.status !== "submitted" && mission.status !== "approved") {
      return refused(seenMissionVersion !== undefined && seenMissionVersion !== mission.version ? "changed" : "notAllowed");
    }
    const ids = [...new Set(seen.map((s) => s.observerId).filter(isUuid))];
    if (ids.length === 0) return refused("notFound");
    const rows = await tx
      .select({ id: observers.id, status: observers.status, version: observers.version })
      .from(observers)
      .where(and(eq(observers.missionId, mission.id), inArray(observers.id, ids)))
      .orderBy(...byObserverName)
      .for("update");
    if (rows.length !== ids.length) return refused("notFound");
    const seenVersion = new Map(seen.map((s) => [s.observerId, s.version]));
    const changed = rows.filter((row) => row.version !== seenVersion.get(row.id)).map((row) => row.id);
    if (changed.length > 0) return refused("changed", { changedObserverIds: changed });
    // Named, so that a reviewer who ticked a whole page learns which observers are already decided.
    const undecidable = rows.filter((row) => !observerLifecycle.canTransition(row.status, event, actor.role)).map((row) => row.id);
    if (undecidable.length > 0) return refused("undecidable", { undecidableObserverIds: undecidable });

    const now = new Date();
    const common = { decidedAt: now, decidedBy: actor.id, updatedAt: now, version: sql`${observers.version} + 1` };
    if (decision.kind === "accredit") {
      const [election] = await tx
        .update(elections)
        .set({ accreditationSequence: sql`${elections.accreditationSequence} + ${rows.length}` })
        .where(eq(elections.id, mission.electionId))
        .returning({ last: elections.accreditationSequence });
      const first = election!.last - rows.length + 1;
      // One statement for the whole batch: the numbers follow the order of the names.
      const numbered = sql.join(
        rows.map((row, index) => sql`(${row.id}::uuid, ${`${mission.electionCode}-${String(first + index).padStart(4, "0")}`})`),
        sql`, `,
      );
      await tx.execute(sql`
        update ${observers} set status = 'accredited', accreditation_number = numbered.number, reason_code = null, status_reason = null,
          decided_at = ${now}, decided_by = ${actor.id}, updated_at = ${now}, version = ${observers.version} + 1
        from (values ${numbered}) as numbered(id, number)
        where ${observers.id} = numbered.id`);
    } else {
      await tx
        .update(observers)
        .set({ status: decision.kind === "refuse" ? "refused" : "revoked", reasonCode: decision.reasonCode, statusReason: decision.reason, ...common })
        .where(inArray(observers.id, ids));
    }
    await bumpMission(tx, mission.id);
    await tellCoordinators(
      tx,
      mission,
      decision.kind === "accredit"
        ? { kind: "accredited", count: ids.length }
        : { kind: decision.kind === "refuse" ? "refused" : "revoked", count: ids.length, reasonCode: decision.reasonCode, reason: decision.reason },
    );
    await tellObservers(
      tx,
      ids,
      decision.kind === "accredit" ? { kind: "accredited" } : { kind: decision.kind === "refuse" ? "refused" : "revoked", reasonCode: decision.reasonCode, reason: decision.reason },
    );
    // The audit events last (badges write theirs): the chain's lock is held to the commit, and every writer waits for it.
    if (decision.kind === "accredit") await issueBadges(tx, actor, ids, ip);
    if (decision.kind === "revoke") await revokeBadges(tx, actor, ids, "observer_revoked", ip);
    await writeAuditEvent(tx, {
      actor,
      action: event === "accredit" ? "observers.accredited" : event === "refuse" ? "observers.refused" : "observers.revoked",
      entityType: "mission",
      entityId: mission.id,
      ip,
      details: { observerIds: ids, count: ids.length, ...(decision.kind !== "accredit" && { reasonCode: decision.reasonCode }) },
    });
    return { ok: true as const, count: ids.length };
  });
}

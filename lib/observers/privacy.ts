import "server-only";
import { and, desc, eq, inArray, ne, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { auditEvents, elections, missions, observerRecordColumns, observers, organizations, users } from "@/db/schema";
import { assertPermission } from "@/lib/identity/authorize";
import type { ObserverActor } from "./own-record";

/**
 * What the portal holds about the signed-in observer (their right of access), and who else
 * viewed or changed it, from the audit log. Scoped by the verified account; people appear by
 * their role only, as the commission prefers.
 */

/** Everything stored about the observer: the account and every record linked to it (the photo as a fact, not the image). */
export async function personalDataOf(actor: ObserverActor) {
  assertPermission(actor, "complete:own-record");
  const db = getDb();
  const [account] = await db
    .select({ name: users.name, email: users.email, preferredLocale: users.preferredLocale, createdAt: users.createdAt, lastSignInAt: users.lastSignInAt })
    .from(users)
    .where(eq(users.id, actor.id));
  const records = await db
    .select({
      id: observers.id,
      election: elections.titleEn,
      organization: organizations.nameEn,
      mission: missions.name,
      status: observers.status,
      ...observerRecordColumns,
      hasPhoto: sql<boolean>`${observers.photoFileId} is not null`,
      accreditationNumber: observers.accreditationNumber,
      reasonCode: observers.reasonCode,
      statusReason: observers.statusReason,
      decidedAt: observers.decidedAt,
      createdAt: observers.createdAt,
      updatedAt: observers.updatedAt,
    })
    .from(observers)
    .innerJoin(missions, eq(missions.id, observers.missionId))
    .innerJoin(organizations, eq(organizations.id, missions.organizationId))
    .innerJoin(elections, eq(elections.id, missions.electionId))
    .where(eq(observers.userId, actor.id))
    .orderBy(observers.createdAt);
  return { account: account!, records };
}

/**
 * Who, by role, viewed or changed the observer's records: events on the records themselves, the
 * commission's views of the application that holds them, and decisions naming them. The
 * observer's own actions are left out. Newest first, at most `limit`.
 */
export async function whoHandledMyData(actor: ObserverActor, limit = 200) {
  assertPermission(actor, "complete:own-record");
  const db = getDb();
  const own = await db.select({ id: observers.id, missionId: observers.missionId }).from(observers).where(eq(observers.userId, actor.id));
  if (own.length === 0) return [];
  const observerIds = own.map((o) => o.id);
  const missionIds = [...new Set(own.map((o) => o.missionId))];
  return db
    .select({ occurredAt: auditEvents.occurredAt, actorRole: auditEvents.actorRole, action: auditEvents.action })
    .from(auditEvents)
    .where(
      and(
        or(
          and(eq(auditEvents.entityType, "observer"), inArray(auditEvents.entityId, observerIds)),
          and(
            eq(auditEvents.entityType, "mission"),
            inArray(auditEvents.entityId, missionIds),
            or(eq(auditEvents.action, "application.viewed"), ...observerIds.map((id) => sql`${auditEvents.details}->'observerIds' @> ${JSON.stringify([id])}::jsonb`)),
          ),
        ),
        // The observer's own steps (and the link opened anonymously) are theirs: not listed.
        ne(auditEvents.actorId, actor.id),
      ),
    )
    .orderBy(desc(auditEvents.seq))
    .limit(limit);
}

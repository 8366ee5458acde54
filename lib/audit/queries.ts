import "server-only";
import { forbidden } from "next/navigation";
import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { auditEvents, users } from "@/db/schema";
import { addDays, ashgabatInstant } from "@/lib/dates";
import { can } from "@/lib/identity/permissions";
import type { Actor } from "@/lib/identity/session";
import { offsetOf, type ListQuery } from "@/lib/listing";
import type { AuditFilters } from "./schemas";

export const auditEventSorts = ["seq"] as const;
export const AUDIT_PAGE_SIZE = 50;

/**
 * Each filter is answered by an index of audit_events: the actor's address resolves to user ids
 * through the unique index on lower(email), then (actor_id, seq); the action by (action, seq);
 * the entity by (entity_type, entity_id, seq); the dates, Ashgabat calendar days, by occurred_at.
 */
function conditionsOf(filters: AuditFilters): SQL | undefined {
  const db = getDb();
  return and(
    filters.actor
      ? inArray(
          auditEvents.actorId,
          db
            .select({ id: users.id })
            .from(users)
            .where(eq(sql`lower(${users.email})`, filters.actor.toLowerCase())),
        )
      : undefined,
    filters.action ? eq(auditEvents.action, filters.action) : undefined,
    filters.entityType ? eq(auditEvents.entityType, filters.entityType) : undefined,
    filters.entityId ? eq(auditEvents.entityId, filters.entityId) : undefined,
    filters.from ? gte(auditEvents.occurredAt, ashgabatInstant(filters.from)) : undefined,
    filters.to ? lt(auditEvents.occurredAt, ashgabatInstant(addDays(filters.to, 1))) : undefined,
  );
}

/**
 * One page of audit events for the audit log page, with the actor's current name and address.
 * The page and the count are separate queries: the page stops after its rows (and joins only
 * those to users), while a count over a window would first join every matching event.
 */
export async function listAuditEvents(actor: Actor, filters: AuditFilters, query: ListQuery) {
  if (!can(actor.role, "view:audit-log")) forbidden();
  const where = conditionsOf(filters);
  const order = query.dir === "asc" ? asc : desc;
  const db = getDb();
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        seq: auditEvents.seq,
        occurredAt: auditEvents.occurredAt,
        actorRole: auditEvents.actorRole,
        actorName: users.name,
        actorEmail: users.email,
        action: auditEvents.action,
        entityType: auditEvents.entityType,
        entityId: auditEvents.entityId,
        ip: auditEvents.ip,
        details: auditEvents.details,
      })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(where)
      .orderBy(order(auditEvents.seq))
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    db
      .select({ count: sql<number>`count(*)`.mapWith(Number) })
      .from(auditEvents)
      .where(where),
  ]);
  return { rows, total: counted?.count ?? 0 };
}

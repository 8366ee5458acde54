import { bigint, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Append-only, hash-chained record of every state change and security event. `hash` is SHA-256
 * over `prev_hash` and a canonical encoding of the row (lib/audit/chain.ts); a trigger refuses
 * UPDATE, DELETE and TRUNCATE (see the migration), and writers are serialized so the chain never forks.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    seq: bigint("seq", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "date" }).notNull(),
    actorId: text("actor_id"),
    actorRole: text("actor_role"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    ip: text("ip"),
    /** Never secrets, tokens, passwords or passport numbers. */
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("audit_events_occurred_at_idx").on(t.occurredAt),
    index("audit_events_actor_idx").on(t.actorId, t.seq),
    index("audit_events_entity_idx").on(t.entityType, t.entityId, t.seq),
    index("audit_events_action_idx").on(t.action, t.seq),
  ],
);

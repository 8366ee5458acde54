import "server-only";
import { desc, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db";
import { auditEvents } from "@/db/schema";
import type { AuditAction } from "./actions";
import { GENESIS_HASH, hashEvent } from "./chain";

export type AuditEventInput = {
  actor: { id: string; role: string } | null;
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  ip?: string | null;
  /** Never secrets, tokens, passwords or passport numbers. */
  details?: Record<string, unknown>;
};

// Any fixed number: the transaction-scoped lock that makes audit writers take turns.
const AUDIT_CHAIN_LOCK = 727_100_1;

/**
 * Appends an event inside the caller's transaction, so the change and its trace commit or roll
 * back together. Writers are serialized by an advisory lock held to the end of the transaction:
 * a transaction with much work after its event (a batch of emails) makes every other writer wait.
 */
export async function writeAuditEvent(tx: Transaction, input: AuditEventInput) {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const row = {
    seq: (last?.seq ?? 0) + 1,
    occurredAt: new Date(),
    actorId: input.actor?.id ?? null,
    actorRole: input.actor?.role ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    ip: input.ip ?? null,
    details: input.details ?? {},
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await tx.insert(auditEvents).values({ ...row, prevHash, hash: hashEvent(prevHash, row) });
}

/** For security events that change nothing else (a failed sign-in): a transaction of their own. */
export async function recordAuditEvent(input: AuditEventInput) {
  await getDb().transaction((tx) => writeAuditEvent(tx, input));
}

import "server-only";
import { asc, gt } from "drizzle-orm";
import type { Database } from "@/db";
import { auditEvents } from "@/db/schema";
import { GENESIS_HASH, hashEvent } from "./chain";

/**
 * Why an event breaks the chain: a sequence number is missing (rows deleted), the event does not
 * point at the hash of the one before it (rows removed or re-linked), or its contents no longer
 * match its own hash (the row was altered).
 */
export type ChainBreak = "missing-event" | "wrong-previous-hash" | "altered-event";

export type ChainVerdict = { ok: true; count: number } | { ok: false; brokenSeq: number; reason: ChainBreak };

export const chainBreakDescriptions: Record<ChainBreak, string> = {
  "missing-event": "the event with this sequence number is missing",
  "wrong-previous-hash": "its previous hash is not the hash of the event before it",
  "altered-event": "its contents do not match its hash",
};

// Enough to keep round trips few, small enough that memory stays flat on a chain of millions.
const BATCH_SIZE = 1000;

/**
 * Walks the chain from the first event in sequence order, one batch at a time (keyset on seq),
 * and reports the first event that breaks it. Events appended while it runs are verified too:
 * writers take turns, so whatever a batch sees is a complete prefix of the chain.
 */
export async function verifyAuditChain(db: Database): Promise<ChainVerdict> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (;;) {
    const batch = await db
      .select({
        seq: auditEvents.seq,
        occurredAt: auditEvents.occurredAt,
        actorId: auditEvents.actorId,
        actorRole: auditEvents.actorRole,
        action: auditEvents.action,
        entityType: auditEvents.entityType,
        entityId: auditEvents.entityId,
        ip: auditEvents.ip,
        details: auditEvents.details,
        prevHash: auditEvents.prevHash,
        hash: auditEvents.hash,
      })
      .from(auditEvents)
      .where(gt(auditEvents.seq, expectedSeq - 1))
      .orderBy(asc(auditEvents.seq))
      .limit(BATCH_SIZE);

    for (const { prevHash: storedPrevHash, hash, ...fields } of batch) {
      if (fields.seq !== expectedSeq) return { ok: false, brokenSeq: expectedSeq, reason: "missing-event" };
      if (storedPrevHash !== prevHash) return { ok: false, brokenSeq: fields.seq, reason: "wrong-previous-hash" };
      if (hashEvent(storedPrevHash, fields) !== hash) return { ok: false, brokenSeq: fields.seq, reason: "altered-event" };
      prevHash = hash;
      expectedSeq++;
    }
    if (batch.length < BATCH_SIZE) return { ok: true, count: expectedSeq - 1 };
  }
}

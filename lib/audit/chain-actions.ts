"use server";

import { getDb } from "@/db";
import { authorizeAction } from "@/lib/identity/session";
import { log } from "@/lib/log";
import { verifyAuditChain, type ChainVerdict } from "./verify";

/**
 * The audit log page's "Verify chain" button. It takes no input and changes nothing, so it writes
 * no audit event of its own; a broken chain is also logged for the operators.
 */
export async function verifyAuditChainAction(): Promise<ChainVerdict> {
  const actor = await authorizeAction("view:audit-log");
  const verdict = await verifyAuditChain(getDb());
  if (!verdict.ok) log.warn("audit.chain_broken", { brokenSeq: verdict.brokenSeq, reason: verdict.reason, checkedBy: actor.id });
  return verdict;
}

// `npm run audit:verify`: walks the audit chain of DATABASE_URL, or of the embedded database in
// DATA_DIR, and prints OK or the first broken sequence number (exit status 1). Reads only.
// No top-level await: tsx compiles this file as CommonJS, where Node 20 does not allow it.
import { closeDb, getDb } from "@/db";
import { chainBreakDescriptions, verifyAuditChain } from "@/lib/audit/verify";

/** Drizzle's message names the query; the database's reason is in its cause. */
function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message}\n${error.cause.message}` : error.message;
}

async function main() {
  try {
    const verdict = await verifyAuditChain(getDb());
    if (verdict.ok) {
      console.log(`OK (${verdict.count} events)`);
    } else {
      console.log(`BROKEN at sequence ${verdict.brokenSeq}: ${chainBreakDescriptions[verdict.reason]}`);
      process.exitCode = 1;
    }
  } catch (error) {
    // Not a verdict on the chain (no database, not migrated, folder in use): another status.
    console.error(`Could not verify the audit chain: ${messageOf(error)}`);
    process.exitCode = 2;
  } finally {
    await closeDb();
  }
}

void main();

// `npm run db:restore -- <file>`: restores a backup of `npm run db:backup` into DATABASE_URL (an
// empty database, not migrated), or into DATA_DIR (with no embedded database yet; server stopped),
// then verifies the audit chain of what it restored. Refuses a target that holds anything.
// No top-level await: tsx compiles this file as CommonJS, where Node 20 does not allow it.
import { chainBreakDescriptions } from "@/lib/audit/verify";
import { configuredDatabase, restoreDatabase } from "@/lib/ops/backup";
import { describeFailure, printRows } from "./backup-output";

async function main() {
  const file = process.argv[2];
  if (!file) {
    console.error("Usage: npm run db:restore -- <backup file>");
    process.exitCode = 2;
    return;
  }
  const target = configuredDatabase();
  const report = await restoreDatabase(target, file);
  console.log(`Restored ${file} into the ${target.kind === "postgres" ? `PostgreSQL database ${new URL(target.url).pathname.slice(1)}` : `embedded database in ${target.dataDir}`}.`);
  printRows(report.rows);
  const chain = report.auditChain;
  if (chain.ok) {
    console.log(`Audit chain: OK (${chain.count} events)`);
  } else {
    console.log(`Audit chain: BROKEN at sequence ${chain.brokenSeq}: ${chainBreakDescriptions[chain.reason]}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(`Restore failed: ${describeFailure(error)}`);
  process.exitCode = 1;
});

// `npm run db:backup [-- <file>]`: backs up DATABASE_URL (pg_dump, custom format), or the embedded
// database in DATA_DIR (a .tar.gz of its data folder; stop the server first). Default file:
// ./backups/portal-<UTC time>.dump or .tar.gz. Files are inside: they are rows of the database.
// No top-level await: tsx compiles this file as CommonJS, where Node 20 does not allow it.
import { backupDatabase, configuredDatabase, defaultBackupFile } from "@/lib/ops/backup";
import { describeFailure, printRows } from "./backup-output";

async function main() {
  const target = configuredDatabase();
  const file = process.argv[2] ?? defaultBackupFile(target);
  const report = await backupDatabase(target, file);
  console.log(`Backed up the ${target.kind === "postgres" ? "PostgreSQL" : "embedded"} database to ${report.file} (${report.bytes} bytes).`);
  printRows(report.rows);
  console.log(
    target.kind === "postgres"
      ? "Keep AUTH_SECRET, SECRETS_KEY and BADGE_SIGNING_KEY apart from this file: a restored database needs the same keys."
      : `Keep the keys in ${target.dataDir} (secrets-key, badge-signing-key, auth-secret) apart from this file: a restored database needs the same keys.`,
  );
}

main().catch((error: unknown) => {
  console.error(`Backup failed: ${describeFailure(error)}`);
  process.exitCode = 1;
});

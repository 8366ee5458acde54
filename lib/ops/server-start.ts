import "server-only";
import { closeDb, getDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { countQueriesPerRequest } from "@/db/query-count";
import { DEMO_PASSWORD, seedDemoData } from "@/db/seed";
import { startOutboxAnnouncer, startOutboxSender, type OutboxLoop } from "@/lib/email/sender-loop";
import { getEnv, isEmbeddedDatabase } from "@/lib/env";
import { getAuthSecret } from "@/lib/identity/auth-secret";
import { describeError, log } from "@/lib/log";
import { startMeetingExpiry } from "@/lib/meetings/expiry";
import { startPublicationWatch } from "@/lib/statements/publication-watch";
import { startPlannerStatistics } from "./planner-statistics";

/**
 * Runs once when the server process starts: checks configuration, applies migrations, seeds an
 * empty embedded database with demo data, and closes the database cleanly on SIGINT/SIGTERM.
 */
export async function startServer() {
  try {
    await prepare();
  } catch (error) {
    // A clear sentence (bad configuration, a locked data folder) rather than a stack trace.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

async function prepare() {
  const env = getEnv();
  getAuthSecret();
  if (env.DB_QUERY_LOG === "count") countQueriesPerRequest();
  await migrateDatabase();
  log.info("database.ready", { engine: isEmbeddedDatabase() ? "pglite" : "postgres" });

  if (isEmbeddedDatabase()) {
    const created = await seedDemoData(getDb());
    if (created) {
      const lines = created.map((a) => `  ${a.email.padEnd(36)} ${a.role}${a.organization ? ` (${a.organization})` : ""}${a.totpSecret ? `  authenticator key ${a.totpSecret}` : ""}`);
      console.log(`\nDemo data created. Every demo account uses the password ${DEMO_PASSWORD}\n${lines.join("\n")}\n`);
    }
  }

  const statistics = isEmbeddedDatabase() ? startPlannerStatistics() : undefined;
  const publications = startPublicationWatch();
  const outbox = startOutbox();
  // Periodic work beside the sender: any number of processes may run it (rows are locked, SKIP LOCKED).
  const expiry = env.OUTBOX_SENDER === "off" ? undefined : startMeetingExpiry();

  // `npm start` and `npm run serve` set NEXT_MANUAL_SIG_HANDLE so that Next leaves the signals to
  // this handler: otherwise Next exits before PGlite has closed its files.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info("server.stopping", { signal });
    statistics?.stop();
    publications.stop();
    // An email in flight may finish (and be recorded), but a hung mail server must not keep the
    // database open past the few seconds a supervisor allows before it kills the process.
    Promise.race([Promise.all([outbox?.stop(), expiry?.stop()]), new Promise((resolve) => setTimeout(resolve, 5_000))])
      .then(() => closeDb())
      .catch((error) => log.error("database.close_failed", describeError(error)))
      .finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

/**
 * The outbox sender (and the meetings' expiry) runs in the server unless OUTBOX_SENDER=off (then
 * `npm run worker` runs them).
 * Without SMTP_URL nothing can be sent: queued emails are only logged, and admins read them on
 * the Outbox page.
 */
function startOutbox(): OutboxLoop | undefined {
  const env = getEnv();
  if (env.OUTBOX_SENDER === "off") return undefined;
  if (!env.SMTP_URL) {
    log.info("outbox.no_mail_server", { note: "SMTP_URL is not set: emails stay pending on the admin Outbox page" });
    return startOutboxAnnouncer();
  }
  return startOutboxSender();
}

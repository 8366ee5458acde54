// `npm run worker`: delivers the email outbox and expires undecided meeting requests in a process
// of its own, beside any number of servers (run them with OUTBOX_SENDER=off, or not: senders never
// send one email twice, and a request is expired once).
import { sql } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { emailOutbox } from "@/db/schema";
import { startOutboxSender } from "@/lib/email/sender-loop";
import { getEnv } from "@/lib/env";
import { describeError, log } from "@/lib/log";
import { startMeetingExpiry } from "@/lib/meetings/expiry";

function refuse(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main() {
  const env = getEnv();
  if (!env.DATABASE_URL) {
    refuse(
      "npm run worker needs DATABASE_URL (PostgreSQL). The embedded database belongs to the server process, " +
        "which runs its own outbox sender: start the server with SMTP_URL set and no worker is needed.",
    );
  }
  if (!env.SMTP_URL) refuse("npm run worker needs SMTP_URL (smtp:// or smtps://): without a mail server there is nothing to send.");

  try {
    await getDb().select({ one: sql`1` }).from(emailOutbox).limit(1);
  } catch (error) {
    log.error("outbox.worker_database_unready", describeError(error));
    refuse("The database is not reachable or not migrated: start the server once, or run npm run db:migrate.");
  }

  const sender = startOutboxSender();
  const expiry = startMeetingExpiry();
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info("outbox.worker_stopping", { signal });
    Promise.all([sender.stop(), expiry.stop()])
      .then(() => closeDb())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          log.error("outbox.worker_stop_failed", describeError(error));
          process.exit(1);
        },
      );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => refuse(error instanceof Error ? error.message : String(error)));

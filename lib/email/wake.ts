import "server-only";
import { sql } from "drizzle-orm";
import { Client } from "pg";
import { rawConnection, type Transaction } from "@/db";
import { getEnv } from "@/lib/env";
import { describeError, log } from "@/lib/log";

/**
 * Senders wake as soon as an email is queued, in this process or any other: the queuing
 * transaction sends a NOTIFY, which PostgreSQL (and PGlite) delivers only when it commits.
 * Polling stays as the fallback, so a lost notification only delays an email.
 */
const CHANNEL = "email_outbox";

/** Inside the queuing transaction. */
export async function notifyEmailQueued(tx: Transaction) {
  await tx.execute(sql`select pg_notify(${CHANNEL}, '')`);
}

export type Listener = { readonly alive: boolean; close: () => Promise<void> };

/** Calls `onQueued` after each commit that queued emails, until closed or the connection drops. */
export async function listenForQueuedEmails(onQueued: () => void): Promise<Listener> {
  const connection = rawConnection();
  if (connection.kind === "pglite") {
    const unlisten = await connection.client.listen(CHANNEL, onQueued);
    let alive = true;
    return {
      get alive() {
        return alive;
      },
      close: async () => {
        alive = false;
        await unlisten();
      },
    };
  }

  // LISTEN holds its connection for good: a client of its own, not one borrowed from the pool.
  const client = new Client({ connectionString: getEnv().DATABASE_URL });
  let alive = true;
  client.on("notification", onQueued);
  client.on("error", (error) => {
    alive = false;
    log.warn("outbox.listen_lost", describeError(error));
    client.end().catch(() => undefined);
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return {
    get alive() {
      return alive;
    },
    close: async () => {
      if (!alive) return;
      alive = false;
      await client.end();
    },
  };
}

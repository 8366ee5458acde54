import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { emailOutbox } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { describeError, log } from "@/lib/log";
import { sendDueEmails, type SendOptions } from "./sender";
import { listenForQueuedEmails, type Listener } from "./wake";

/**
 * The long-running side of the outbox: inside the server process (lib/ops/server-start.ts) or
 * alone (`npm run worker`). It sleeps until an email is queued (NOTIFY), a retry or an expired
 * lease falls due, or the poll interval passes, whichever comes first.
 */

export type OutboxLoop = {
  /** Runs the next round now instead of at the end of the current wait. */
  wake: () => void;
  /** Finishes the email being sent, hands the rest of the batch back, and resolves when idle. */
  stop: () => Promise<void>;
};

const DEFAULT_POLL_MS = 5_000;
// Never spin: a due email another sender holds for a moment must not become a busy loop.
const MIN_WAIT_MS = 250;

/** One round of work: how long the loop may sleep afterwards, or "again" to go on at once. */
type Round = (signal: AbortSignal) => Promise<number | "again">;

function runLoop(name: string, round: Round, pollMs: number): OutboxLoop {
  const stopping = new AbortController();
  let woken = false;
  let interruptSleep: (() => void) | undefined;
  let listener: Listener | undefined;

  const wake = () => {
    woken = true;
    interruptSleep?.();
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        interruptSleep = undefined;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      interruptSleep = finish;
    });

  async function keepListening() {
    if (listener?.alive) return;
    try {
      listener = await listenForQueuedEmails(wake);
    } catch (error) {
      listener = undefined;
      log.warn(`${name}.listen_failed`, describeError(error));
    }
  }

  const finished = (async () => {
    log.info(`${name}.started`, { pollMs });
    while (!stopping.signal.aborted) {
      await keepListening();
      woken = false;
      let waitMs = pollMs;
      try {
        const next = await round(stopping.signal);
        if (next === "again") continue;
        waitMs = Math.min(pollMs, Math.max(MIN_WAIT_MS, next));
      } catch (error) {
        log.error(`${name}.round_failed`, describeError(error));
      }
      if (!woken && !stopping.signal.aborted) await sleep(waitMs);
    }
    await listener?.close().catch(() => undefined);
    log.info(`${name}.stopped`);
  })();

  return {
    wake,
    stop: async () => {
      stopping.abort();
      interruptSleep?.();
      await finished;
    },
  };
}

/** Milliseconds until the next retry or lease expiry, or Infinity when nothing waits. */
async function untilNextDueEmail() {
  const [row] = await getDb()
    .select({
      next: sql<Date | null>`min(case when ${emailOutbox.status} = 'pending' then ${emailOutbox.nextAttemptAt} else ${emailOutbox.leaseUntil} end)`.mapWith(
        emailOutbox.nextAttemptAt,
      ),
    })
    .from(emailOutbox)
    .where(inArray(emailOutbox.status, ["pending", "sending"]));
  return row?.next ? row.next.getTime() - Date.now() : Number.POSITIVE_INFINITY;
}

/** Delivers the outbox through SMTP until stopped. */
export function startOutboxSender(options: SendOptions & { pollMs?: number } = {}): OutboxLoop {
  const batchSize = options.batchSize ?? 10;
  return runLoop(
    "outbox.sender",
    async (signal) => {
      const report = await sendDueEmails({ ...options, batchSize, signal });
      if (report.claimed === batchSize && !signal.aborted) return "again";
      return untilNextDueEmail();
    },
    options.pollMs ?? DEFAULT_POLL_MS,
  );
}

// An email's created_at is its transaction's start, so one that commits late can be older than
// emails already seen: each round looks this far back and skips what it already announced.
const ANNOUNCE_LOOKBACK_MS = 60_000;

/**
 * Without a mail server nothing is sent: each queued email is logged once (never its body, which
 * holds links with tokens) and stays pending, readable by admins on the Outbox page.
 */
export function startOutboxAnnouncer(options: { pollMs?: number } = {}): OutboxLoop {
  const announced = new Map<string, number>(); // id → created_at, only within the look-back
  let newest: string | undefined; // created_at as PostgreSQL prints it: exact to the microsecond
  const siteUrl = getEnv().SITE_URL.replace(/\/+$/, "");
  return runLoop(
    "outbox.announcer",
    async () => {
      const queued = await getDb()
        .select({
          id: emailOutbox.id,
          template: emailOutbox.template,
          to: emailOutbox.toAddress,
          createdAt: emailOutbox.createdAt,
          createdAtText: sql<string>`${emailOutbox.createdAt}::text`,
        })
        .from(emailOutbox)
        .where(
          and(
            eq(emailOutbox.status, "pending"),
            newest ? sql`${emailOutbox.createdAt} > ${newest}::timestamptz - ${ANNOUNCE_LOOKBACK_MS}::integer * interval '1 millisecond'` : undefined,
          ),
        )
        .orderBy(asc(emailOutbox.createdAt));
      for (const email of queued) {
        if (announced.has(email.id)) continue;
        announced.set(email.id, email.createdAt.getTime());
        log.info("outbox.queued_without_mail_server", {
          emailId: email.id,
          template: email.template,
          to: email.to,
          readAt: `${siteUrl}/en/commission/admin/outbox/${email.id}`,
        });
      }
      const last = queued.at(-1);
      if (last) {
        newest = last.createdAtText;
        const horizon = last.createdAt.getTime() - 2 * ANNOUNCE_LOOKBACK_MS;
        for (const [id, createdAt] of announced) if (createdAt < horizon) announced.delete(id);
      }
      return Number.POSITIVE_INFINITY;
    },
    options.pollMs ?? DEFAULT_POLL_MS,
  );
}

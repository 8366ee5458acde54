import "server-only";
import { and, asc, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import nodemailer from "nodemailer";
import { getDb } from "@/db";
import { emailOutbox } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { afterFailedAttempt, recipientDomain, summarizeDeliveryError, withoutAddresses } from "./delivery";

/**
 * Delivers queued emails. Status moves only along these edges, each guarded in its WHERE clause:
 *   pending (due) → sending          claimed by one sender, with a lease
 *   sending (lease expired) → sending   reclaimed: the sender holding it died
 *   sending (our lease) → sent | pending (retry later) | failed (attempts spent)
 * The claim is one statement with FOR UPDATE SKIP LOCKED, so any number of senders, in any number
 * of processes, never claim the same email; the lease makes an email whose sender died due again.
 */

export type SendOptions = {
  smtpUrl?: string;
  from?: string;
  /** Emails claimed by one statement. */
  batchSize?: number;
  /** How long a claim holds. Longer than a batch can take, so a live sender never loses one. */
  leaseMs?: number;
  retryBaseMs?: number;
  /** Stops between two emails (the rest are released at once for another sender). */
  signal?: AbortSignal;
};

export type SendReport = { claimed: number; sent: number; retrying: number; failed: number; released: number };

const DEFAULT_BATCH_SIZE = 10;
const DEFAULT_LEASE_MS = 10 * 60 * 1000;

const milliseconds = (ms: number) => sql`(${Math.round(ms)}::integer * interval '1 millisecond')`;
// Truncated to milliseconds so the lease read back into a JS Date compares equal in SQL.
const leaseFromNow = (ms: number) => sql`date_trunc('milliseconds', now()) + ${milliseconds(ms)}`;

type ClaimedEmail = Awaited<ReturnType<typeof claimDueEmails>>[number];

/** Claims up to `limit` due emails for this sender, oldest first, in one atomic statement. */
async function claimDueEmails(limit: number, leaseMs: number) {
  const db = getDb();
  const due = or(
    and(eq(emailOutbox.status, "pending"), lte(emailOutbox.nextAttemptAt, sql`now()`)),
    and(eq(emailOutbox.status, "sending"), lt(emailOutbox.leaseUntil, sql`now()`)),
  );
  const candidates = db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(due)
    .orderBy(asc(emailOutbox.createdAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(emailOutbox)
    .set({ status: "sending", leaseUntil: leaseFromNow(leaseMs) })
    .where(inArray(emailOutbox.id, candidates))
    .returning({
      id: emailOutbox.id,
      toAddress: emailOutbox.toAddress,
      template: emailOutbox.template,
      subject: emailOutbox.subject,
      textBody: emailOutbox.textBody,
      htmlBody: emailOutbox.htmlBody,
      attachments: emailOutbox.attachments,
      attempts: emailOutbox.attempts,
      leaseUntil: emailOutbox.leaseUntil,
    });
}

/** Only the sender whose lease is still on the row may record the outcome. */
const heldBy = (email: ClaimedEmail) =>
  and(eq(emailOutbox.id, email.id), eq(emailOutbox.status, "sending"), eq(emailOutbox.leaseUntil, email.leaseUntil!));

async function recordOutcome(email: ClaimedEmail, changes: PgUpdateSetSource<typeof emailOutbox>) {
  const db = getDb();
  const updated = await db.update(emailOutbox).set(changes).where(heldBy(email)).returning({ id: emailOutbox.id });
  // Only if a batch outlived its lease; the same Message-ID lets the receiving server drop a copy.
  if (updated.length === 0) log.warn("outbox.lease_lost", { emailId: email.id });
}

async function releaseEmails(emails: ClaimedEmail[]) {
  if (emails.length === 0) return;
  const db = getDb();
  const lease = emails[0]!.leaseUntil!;
  await db
    .update(emailOutbox)
    .set({ status: "pending", leaseUntil: null })
    .where(
      and(
        inArray(
          emailOutbox.id,
          emails.map((e) => e.id),
        ),
        eq(emailOutbox.status, "sending"),
        eq(emailOutbox.leaseUntil, lease),
      ),
    );
}

/** A Message-ID derived from the outbox row: a resend after a lost lease is recognizably the same message. */
function messageIdFor(emailId: string, from: string) {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  const domain = recipientDomain(address.trim()) || "observer-portal.invalid";
  return `<${emailId}@${domain}>`;
}

/**
 * Claims due emails and delivers them through SMTP, recording each outcome. Returns counts; a
 * full batch (`claimed === batchSize`) means more may be waiting.
 */
export async function sendDueEmails(options: SendOptions = {}): Promise<SendReport> {
  const env = getEnv();
  const smtpUrl = options.smtpUrl ?? env.SMTP_URL;
  if (!smtpUrl) throw new Error("sendDueEmails needs an SMTP URL (SMTP_URL)");
  const from = options.from ?? env.MAIL_FROM;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const retryBaseMs = options.retryBaseMs ?? env.OUTBOX_RETRY_BASE_MS;

  const claimed = await claimDueEmails(options.batchSize ?? DEFAULT_BATCH_SIZE, leaseMs);
  const report: SendReport = { claimed: claimed.length, sent: 0, retrying: 0, failed: 0, released: 0 };
  if (claimed.length === 0) return report;

  // Past half the lease, the rest goes back rather than risk being sent by two senders.
  const sendUntil = Date.now() + leaseMs / 2;
  const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  try {
    for (const [index, email] of claimed.entries()) {
      if (options.signal?.aborted || Date.now() > sendUntil) {
        const rest = claimed.slice(index);
        await releaseEmails(rest);
        report.released = rest.length;
        break;
      }
      const domain = recipientDomain(email.toAddress);
      try {
        await transport.sendMail({
          from,
          to: email.toAddress,
          subject: email.subject,
          text: email.textBody,
          html: email.htmlBody,
          attachments: email.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
          messageId: messageIdFor(email.id, from),
        });
      } catch (error) {
        const lastError = summarizeDeliveryError(error);
        const outcome = afterFailedAttempt(email.attempts, retryBaseMs);
        if (outcome.status === "failed") {
          await recordOutcome(email, { status: "failed", attempts: outcome.attempts, lastError, leaseUntil: null });
          log.error("outbox.failed", { emailId: email.id, template: email.template, domain, attempts: outcome.attempts, error: withoutAddresses(lastError) });
          report.failed++;
        } else {
          await recordOutcome(email, {
            status: "pending",
            attempts: outcome.attempts,
            lastError,
            leaseUntil: null,
            nextAttemptAt: sql`now() + ${milliseconds(outcome.retryInMs)}`,
          });
          log.warn("outbox.retry_scheduled", { emailId: email.id, template: email.template, domain, attempts: outcome.attempts, retryInMs: outcome.retryInMs, error: withoutAddresses(lastError) });
          report.retrying++;
        }
        continue;
      }
      await recordOutcome(email, { status: "sent", sentAt: sql`now()`, attempts: email.attempts + 1, lastError: null, leaseUntil: null });
      log.info("outbox.sent", { emailId: email.id, template: email.template, domain, attempts: email.attempts + 1 });
      report.sent++;
    }
  } finally {
    transport.close();
  }
  return report;
}

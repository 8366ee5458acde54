import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { locale } from "./identity";

/** A file sent with an email (an iCalendar invitation): text content, as the outbox keeps it. */
export type EmailAttachment = { filename: string; contentType: string; content: string };

export const emailStatuses = ["pending", "sending", "sent", "failed"] as const;
export const emailStatus = pgEnum("email_status", emailStatuses);

/**
 * The outbox: an email is a row written in the same transaction as the change that causes it,
 * rendered then in the recipient's language. Senders claim rows with a lease (SKIP LOCKED), so
 * several senders never send one email twice, and retry with backoff until `failed`.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    toAddress: text("to_address").notNull(),
    locale: locale("locale").notNull(),
    template: text("template").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    attachments: jsonb("attachments").$type<EmailAttachment[]>().notNull().default([]),
    status: emailStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** While `sending`: the claim expires then (a sender that died releases its emails). */
    leaseUntil: timestamp("lease_until", { withTimezone: true, mode: "date" }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("email_outbox_due_idx").on(t.status, t.nextAttemptAt), index("email_outbox_created_idx").on(t.createdAt)],
);

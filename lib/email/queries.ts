import "server-only";
import { and, asc, desc, eq, ilike, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { emailOutbox } from "@/db/schema";
import { assertPermission } from "@/lib/identity/authorize";
import type { Role } from "@/lib/identity/permissions";
import { withholdLinkTokens } from "@/lib/identity/tokens";
import { containsPattern, offsetOf, type ListQuery } from "@/lib/listing";
import type { OutboxFilters } from "./schemas";

type Admin = { role: Role };

export const outboxSorts = ["createdAt"] as const;
export const OUTBOX_PAGE_SIZE = 25;

/** The Outbox list for admins, newest first by default, filtered and paged in SQL. */
export async function listOutboxEmails(actor: Admin, filters: OutboxFilters, query: ListQuery & { sort: (typeof outboxSorts)[number] }) {
  assertPermission(actor, "view:outbox");
  const where = and(
    filters.status ? eq(emailOutbox.status, filters.status) : undefined,
    filters.recipient ? ilike(emailOutbox.toAddress, containsPattern(filters.recipient)) : undefined,
  );
  const order = query.dir === "asc" ? asc : desc;
  const rows = await getDb()
    .select({
      id: emailOutbox.id,
      toAddress: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      template: emailOutbox.template,
      status: emailOutbox.status,
      attempts: emailOutbox.attempts,
      createdAt: emailOutbox.createdAt,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(emailOutbox)
    .where(where)
    .orderBy(order(emailOutbox.createdAt), order(emailOutbox.id))
    .limit(query.pageSize)
    .offset(offsetOf(query));
  // Past the last page there are no rows to carry the total: count separately then only.
  const total = rows[0]?.total ?? (query.page > 1 ? await countOutboxEmails(where) : 0);
  return { rows, total };
}

async function countOutboxEmails(where: ReturnType<typeof and>) {
  const [row] = await getDb()
    .select({ count: sql<number>`count(*)`.mapWith(Number) })
    .from(emailOutbox)
    .where(where);
  return row?.count ?? 0;
}

/**
 * One email with everything an admin needs to see what was (or will be) sent and why it failed;
 * its sign-in links without their tokens (only the recipient may use them).
 */
export async function getOutboxEmail(actor: Admin, id: string) {
  assertPermission(actor, "view:outbox");
  const [email] = await getDb()
    .select({
      id: emailOutbox.id,
      toAddress: emailOutbox.toAddress,
      locale: emailOutbox.locale,
      template: emailOutbox.template,
      subject: emailOutbox.subject,
      textBody: emailOutbox.textBody,
      status: emailOutbox.status,
      attempts: emailOutbox.attempts,
      nextAttemptAt: emailOutbox.nextAttemptAt,
      lastError: emailOutbox.lastError,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
    })
    .from(emailOutbox)
    .where(eq(emailOutbox.id, id));
  if (!email) return null;
  const textBody = withholdLinkTokens(email.textBody);
  return { ...email, textBody, linksWithheld: textBody !== email.textBody };
}

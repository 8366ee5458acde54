import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { emailOutbox } from "@/db/schema";
import type { EmailAttachment } from "@/db/schema/email";
import { startTestSmtpServer, unusedPort } from "@/test/smtp-server";
import { MAX_DELIVERY_ATTEMPTS } from "./delivery";
import { enqueueEmail } from "./outbox";
import { renderEmail } from "./render";
import { sendDueEmails } from "./sender";
import { startOutboxAnnouncer, startOutboxSender, type OutboxLoop } from "./sender-loop";

/**
 * The sender against a real SMTP server on loopback, on PGlite or (DATABASE_URL) PostgreSQL.
 * On a shared PostgreSQL database other files' emails may be claimed too: every assertion is
 * about this run's rows, found by their outbox ids. The loops are tested in this file too, so
 * that no other file's sender delivers this file's emails to another server. Logs are read
 * (LOG_LEVEL info here) to check that they name emails but never carry their bodies.
 */
vi.stubEnv("LOG_LEVEL", "info");

const token = randomBytes(4).toString("hex");
let serial = 0;
const FROM = "Observer Portal <portal@outbox-test.example>";

let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
let downUrl: string;
let loop: OutboxLoop | undefined;
const logLines: string[] = [];

beforeAll(async () => {
  await migrateDatabase();
  smtp = await startTestSmtpServer();
  downUrl = `smtp://127.0.0.1:${await unusedPort()}`;
  const keep = (...args: unknown[]) => void logLines.push(args.map(String).join(" "));
  vi.spyOn(console, "log").mockImplementation(keep);
  vi.spyOn(console, "error").mockImplementation(keep);
});

afterEach(async () => {
  await loop?.stop();
  loop = undefined;
});

afterAll(async () => {
  vi.restoreAllMocks();
  await smtp?.close();
});

const secretOf = (n: number) => `secret-${token}-${n}`;

async function queueEmail(options: { subject?: string; mailboxDown?: boolean; attachments?: EmailAttachment[] } = {}) {
  const n = ++serial;
  const to = `observer+${token}-${n}${options.mailboxDown ? "+down" : ""}@outbox-test.example`;
  const content = renderEmail(
    {
      subject: options.subject ?? `Test ${token}-${n}`,
      greeting: "Hello,",
      paragraphs: [`Message ${n} of run ${token}.`],
      action: { label: "Open the portal", url: `http://localhost:3000/en/invitation/${secretOf(n)}` },
      footer: "Observer Portal",
    },
    "en",
  );
  const id = await getDb().transaction((tx) => enqueueEmail(tx, { to, locale: "en", template: "test", content, attachments: options.attachments }));
  return { id, to, n, content };
}

async function rowOf(id: string) {
  const [row] = await getDb()
    .select({
      status: emailOutbox.status,
      attempts: emailOutbox.attempts,
      lastError: emailOutbox.lastError,
      leaseUntil: emailOutbox.leaseUntil,
      sentAt: emailOutbox.sentAt,
      nextAttemptInMs: sql<number>`extract(epoch from (${emailOutbox.nextAttemptAt} - now())) * 1000`.mapWith(Number),
    })
    .from(emailOutbox)
    .where(eq(emailOutbox.id, id));
  return row!;
}

const logEntries = () =>
  logLines.flatMap((line) => {
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });

/** Sends until nothing due is left, as a sender loop would. */
async function drain(options: Parameters<typeof sendDueEmails>[0]) {
  while ((await sendDueEmails(options)).claimed > 0);
}

describe("sendDueEmails", () => {
  it("delivers the text and HTML versions with the right From, To, Subject and a Message-ID from the outbox id", async () => {
    const email = await queueEmail({ subject: `Приглашение на портал ${token}` });

    await drain({ smtpUrl: smtp.url, from: FROM });

    const received = smtp.messagesFor(email.id);
    expect(received).toHaveLength(1);
    const [message] = received;
    expect(message!.messageId).toBe(`<${email.id}@outbox-test.example>`);
    expect(message!.from?.value).toEqual([{ name: "Observer Portal", address: "portal@outbox-test.example" }]);
    expect(message!.to && !Array.isArray(message!.to) ? message!.to.value.map((a) => a.address) : []).toEqual([email.to]);
    expect(message!.subject).toBe(`Приглашение на портал ${token}`);
    expect(message!.text?.trim()).toBe(email.content.text.trim());
    expect(message!.html).toContain(`href="http://localhost:3000/en/invitation/${secretOf(email.n)}"`);

    const row = await rowOf(email.id);
    expect(row).toMatchObject({ status: "sent", attempts: 1, lastError: null, leaseUntil: null });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it("sends the attachments the outbox kept, with their names, types and exact content", async () => {
    const calendar = "BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nSUMMARY:Встреча с ОБСЕ\r\nEND:VCALENDAR\r\n";
    const email = await queueEmail({ attachments: [{ filename: "meeting.ics", contentType: "text/calendar; charset=utf-8; method=CANCEL", content: calendar }] });

    await drain({ smtpUrl: smtp.url, from: FROM });

    const [message] = smtp.messagesFor(email.id);
    expect(message!.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content.toString("utf8") }))).toEqual([
      { filename: "meeting.ics", contentType: "text/calendar", content: calendar },
    ]);
    expect(message!.text?.trim()).toBe(email.content.text.trim());
  });

  it("keeps an email pending with a future retry while the server is down, then sends it exactly once when due", async () => {
    const email = await queueEmail();

    await sendDueEmails({ smtpUrl: downUrl, from: FROM, retryBaseMs: 30_000 });
    const afterFailure = await rowOf(email.id);
    expect(afterFailure).toMatchObject({ status: "pending", attempts: 1, leaseUntil: null });
    expect(afterFailure.lastError).toMatch(/ECONNREFUSED/);
    // 30 s, spread by at most ±20 %.
    expect(afterFailure.nextAttemptInMs).toBeGreaterThan(20_000);
    expect(afterFailure.nextAttemptInMs).toBeLessThan(37_000);

    // The server is up again, but the retry is not due yet: nothing is sent.
    await drain({ smtpUrl: smtp.url, from: FROM });
    expect(smtp.messagesFor(email.id)).toHaveLength(0);

    await getDb().update(emailOutbox).set({ nextAttemptAt: sql`now() - interval '1 second'` }).where(eq(emailOutbox.id, email.id));
    await drain({ smtpUrl: smtp.url, from: FROM });
    await drain({ smtpUrl: smtp.url, from: FROM });

    expect(smtp.messagesFor(email.id)).toHaveLength(1);
    expect(await rowOf(email.id)).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it("retries later when the server refuses the recipient for now (451), and logs no address", async () => {
    const email = await queueEmail({ mailboxDown: true });

    await sendDueEmails({ smtpUrl: smtp.url, from: FROM, retryBaseMs: 30_000 });

    const row = await rowOf(email.id);
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row.lastError).toMatch(/451/);
    expect(row.nextAttemptInMs).toBeGreaterThan(20_000);
    expect(smtp.messagesFor(email.id)).toHaveLength(0);
    const logged = logEntries().find((e) => e.event === "outbox.retry_scheduled" && e.emailId === email.id);
    expect(logged).toMatchObject({ domain: "outbox-test.example", attempts: 1, error: expect.stringMatching(/451/) });
    expect(JSON.stringify(logged)).not.toContain(email.to.split("@")[0]);

    await getDb().update(emailOutbox).set({ status: "failed" }).where(eq(emailOutbox.id, email.id));
  });

  it("lets two concurrent senders deliver 30 emails, each exactly once", async () => {
    const emails = [];
    for (let i = 0; i < 30; i++) emails.push(await queueEmail());

    await Promise.all([drain({ smtpUrl: smtp.url, from: FROM, batchSize: 4 }), drain({ smtpUrl: smtp.url, from: FROM, batchSize: 4 })]);

    expect(emails.map((e) => smtp.messagesFor(e.id).length)).toEqual(emails.map(() => 1));
    const statuses = await Promise.all(emails.map((e) => rowOf(e.id).then((r) => r.status)));
    expect(new Set(statuses)).toEqual(new Set(["sent"]));
  });

  it("takes over an email whose sender's lease expired, but not one still leased", async () => {
    const abandoned = await queueEmail();
    const held = await queueEmail();
    await getDb()
      .update(emailOutbox)
      .set({ status: "sending", leaseUntil: sql`now() - interval '1 second'` })
      .where(eq(emailOutbox.id, abandoned.id));
    await getDb()
      .update(emailOutbox)
      .set({ status: "sending", leaseUntil: sql`now() + interval '1 hour'` })
      .where(eq(emailOutbox.id, held.id));

    await drain({ smtpUrl: smtp.url, from: FROM });

    expect(smtp.messagesFor(abandoned.id)).toHaveLength(1);
    expect((await rowOf(abandoned.id)).status).toBe("sent");
    expect(smtp.messagesFor(held.id)).toHaveLength(0);
    expect((await rowOf(held.id)).status).toBe("sending");

    // Leave nothing that a later run on the same database could pick up.
    await getDb().update(emailOutbox).set({ status: "failed", leaseUntil: null }).where(eq(emailOutbox.id, held.id));
  });

  it(`gives up after ${MAX_DELIVERY_ATTEMPTS} attempts and never tries a failed email again`, async () => {
    const email = await queueEmail();
    await getDb()
      .update(emailOutbox)
      .set({ attempts: MAX_DELIVERY_ATTEMPTS - 1 })
      .where(eq(emailOutbox.id, email.id));

    await sendDueEmails({ smtpUrl: downUrl, from: FROM });
    const row = await rowOf(email.id);
    expect(row).toMatchObject({ status: "failed", attempts: MAX_DELIVERY_ATTEMPTS, leaseUntil: null });
    expect(row.lastError).toMatch(/ECONNREFUSED/);

    await getDb().update(emailOutbox).set({ nextAttemptAt: sql`now() - interval '1 hour'` }).where(eq(emailOutbox.id, email.id));
    await drain({ smtpUrl: smtp.url, from: FROM });
    expect(smtp.messagesFor(email.id)).toHaveLength(0);
    expect((await rowOf(email.id)).status).toBe("failed");
  });

  it("hands the rest of a batch back at once when asked to stop", async () => {
    const emails = [await queueEmail(), await queueEmail(), await queueEmail()];
    const stop = new AbortController();
    stop.abort();

    const report = await sendDueEmails({ smtpUrl: smtp.url, from: FROM, signal: stop.signal });

    expect(report.sent).toBe(0);
    expect(report.released).toBe(report.claimed);
    for (const e of emails) expect(await rowOf(e.id)).toMatchObject({ status: "pending", attempts: 0, leaseUntil: null });
    await drain({ smtpUrl: smtp.url, from: FROM });
    expect(emails.map((e) => smtp.messagesFor(e.id).length)).toEqual([1, 1, 1]);
  });
});

describe("startOutboxSender", () => {
  it("is woken by a queued email long before its next poll, and stops cleanly", async () => {
    loop = startOutboxSender({ smtpUrl: smtp.url, pollMs: 60_000 });
    // Let the first round find nothing and the loop go to sleep for its minute.
    await vi.waitFor(() => expect(logEntries().some((e) => e.event === "outbox.sender.started")).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    const email = await queueEmail();
    await vi.waitFor(() => expect(smtp.messagesFor(email.id)).toHaveLength(1), { timeout: 10_000, interval: 100 });
    await vi.waitFor(async () => expect((await rowOf(email.id)).status).toBe("sent"));

    await loop.stop();
    loop = undefined;
    expect(logEntries().some((e) => e.event === "outbox.sender.stopped")).toBe(true);
    const sent = logEntries().find((e) => e.event === "outbox.sent" && e.emailId === email.id);
    expect(sent).toMatchObject({ template: "test", domain: "outbox-test.example" });
    expect(logLines.join("\n")).not.toContain(secretOf(email.n));
    expect(logLines.join("\n")).not.toContain(email.to);
  });
});

describe("startOutboxAnnouncer", () => {
  it("logs each queued email once by id, template and recipient, never its body, and leaves it pending", async () => {
    const before = await queueEmail();
    loop = startOutboxAnnouncer({ pollMs: 60_000 });
    const announced = (id: string) => logEntries().filter((e) => e.event === "outbox.queued_without_mail_server" && e.emailId === id);
    await vi.waitFor(() => expect(announced(before.id)).toHaveLength(1));

    const after = await queueEmail();
    await vi.waitFor(() => expect(announced(after.id)).toHaveLength(1), { timeout: 10_000, interval: 100 });
    loop.wake();
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(announced(before.id)).toHaveLength(1);
    expect(announced(after.id)).toEqual([
      expect.objectContaining({ template: "test", to: after.to, readAt: expect.stringMatching(new RegExp(`/commission/admin/outbox/${after.id}$`)) }),
    ]);
    expect(logLines.join("\n")).not.toContain(secretOf(before.n));
    expect(logLines.join("\n")).not.toContain(secretOf(after.n));
    expect((await rowOf(before.id)).status).toBe("pending");
    expect((await rowOf(after.id)).status).toBe("pending");
  });
});

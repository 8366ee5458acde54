/**
 * The e2e mail sink: a real SMTP server on loopback that the portal under test delivers to
 * (playwright.config.ts sets the server's SMTP_URL to it; e2e/global-setup.ts starts it), and
 * helpers for specs to read what arrived.
 *
 * Each message is written as one JSON file in e2e/.mailbox (emptied when the run starts), so
 * specs running in any worker process read the same mailbox. Files are written under a temporary
 * name and renamed, so a reader never sees half a message.
 *
 * In a spec:
 *
 *   const email = await waitForEmail("anna.e2e-1234@e2e.example", { subjectIncludes: "invit" });
 *   await page.goto(email.links[0]!);
 *
 * Use a fresh address per test (tests run in parallel against one server). To wait for a second
 * email to the same address (a resend), pass `since: new Date()` taken before the action.
 *
 * The mail server is down for an address whose local part ends in "+down"
 * ("anna+down@e2e.example"): the sink answers 451 (try again later) to RCPT TO, so the portal's
 * outbox records the failure and schedules a retry. `refusalsFor(address)` counts these refusals.
 * Once the spec calls `acceptMailFor(address)`, the next retry is accepted. With
 * OUTBOX_RETRY_BASE_MS=500 (set for the e2e server) retries come after about 0.5, 1, 2, 4 s…,
 * so `waitForEmail` with its default 20 s timeout covers the first few.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";

export const MAILBOX_DIR = join(__dirname, ".mailbox");

/** The sink's port: playwright.config.ts sets it for the runner, the workers and the web server. */
export function mailSinkPort() {
  const port = Number(process.env.E2E_SMTP_PORT);
  if (!Number.isInteger(port) || port <= 0) throw new Error("E2E_SMTP_PORT is not set: run the specs through playwright.config.ts");
  return port;
}

export type ReceivedEmail = {
  /** Envelope recipients (RCPT TO), lower-case. */
  to: string[];
  /** The From header's address, without its display name. */
  from: string;
  subject: string;
  text: string;
  html: string;
  /** Every http(s) address in the HTML links and in the text, in order, without repeats. */
  links: string[];
  messageId: string;
  receivedAt: string;
  /** Attached files (an iCalendar invitation), their content as UTF-8 text. */
  attachments: { filename: string; contentType: string; content: string }[];
};

const normalize = (address: string) => address.trim().toLowerCase();
const acceptFile = (address: string) => join(MAILBOX_DIR, `accept-${normalize(address)}`);
const isDown = (address: string) => normalize(address).split("@")[0]!.endsWith("+down");

function writeAtomically(name: string, value: unknown) {
  const path = join(MAILBOX_DIR, name);
  writeFileSync(`${path}.tmp`, JSON.stringify(value, null, 2));
  renameSync(`${path}.tmp`, path);
}

const uniqueName = (prefix: string) => `${prefix}-${Date.now()}-${randomBytes(4).toString("hex")}.json`;

const decodeEntities = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

function linksOf(html: string, text: string) {
  const fromHtml = [...html.matchAll(/href="(https?:\/\/[^"]+)"/g)].map((m) => decodeEntities(m[1]!));
  const fromText = [...text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((m) => m[0]);
  return [...new Set([...fromHtml, ...fromText])];
}

const firstAddress = (value: AddressObject | undefined) => value?.value[0]?.address ?? "";

/** Starts the sink on loopback with an empty mailbox; resolves to a function that stops it. */
export async function startMailSink(port = mailSinkPort()) {
  rmSync(MAILBOX_DIR, { recursive: true, force: true });
  mkdirSync(MAILBOX_DIR, { recursive: true });

  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: a STARTTLS offer with the built-in self-signed key would only fail.
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      if (isDown(address.address) && !existsSync(acceptFile(address.address))) {
        writeAtomically(uniqueName("refusal"), { to: normalize(address.address), at: new Date().toISOString() });
        const refusal = Object.assign(new Error("Mailbox temporarily unavailable, try again later"), { responseCode: 451 });
        return callback(refusal);
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const html = typeof mail.html === "string" ? mail.html : "";
          const text = mail.text ?? "";
          const email: ReceivedEmail = {
            to: session.envelope.rcptTo.map((r) => normalize(r.address)),
            from: firstAddress(mail.from),
            subject: mail.subject ?? "",
            text,
            html,
            links: linksOf(html, text),
            messageId: mail.messageId ?? "",
            receivedAt: new Date().toISOString(),
            attachments: mail.attachments.map((a) => ({ filename: a.filename ?? "", contentType: a.contentType, content: a.content.toString("utf8") })),
          };
          writeAtomically(uniqueName("message"), email);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  server.on("error", (error) => console.error(`mail sink: ${error.message}`));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

function readMailbox<T>(prefix: string): T[] {
  if (!existsSync(MAILBOX_DIR)) return [];
  return readdirSync(MAILBOX_DIR)
    .filter((name) => name.startsWith(`${prefix}-`) && name.endsWith(".json"))
    .sort()
    .flatMap((name) => {
      try {
        return [JSON.parse(readFileSync(join(MAILBOX_DIR, name), "utf8")) as T];
      } catch {
        return []; // removed by a new run's clean-up between listing and reading
      }
    });
}

/** Every message delivered to `to` so far, oldest first. */
export function emailsTo(to: string): ReceivedEmail[] {
  const address = normalize(to);
  return readMailbox<ReceivedEmail>("message").filter((m) => m.to.includes(address));
}

/** How often the sink has refused `to` as "mail server down" (451). */
export function refusalsFor(to: string) {
  const address = normalize(to);
  return readMailbox<{ to: string }>("refusal").filter((r) => r.to === address).length;
}

/** The mail server is "up again" for a "+down" address: its next delivery attempt is accepted. */
export function acceptMailFor(to: string) {
  mkdirSync(MAILBOX_DIR, { recursive: true });
  writeFileSync(acceptFile(to), "");
}

/**
 * The newest message to `to` (received at or after `since`, whose subject contains
 * `subjectIncludes`), polling the mailbox until it arrives or `timeoutMs` passes.
 */
export async function waitForEmail(
  to: string,
  options: { subjectIncludes?: string; since?: Date; timeoutMs?: number } = {},
): Promise<ReceivedEmail> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  const matches = (m: ReceivedEmail) =>
    (!options.subjectIncludes || m.subject.toLowerCase().includes(options.subjectIncludes.toLowerCase())) &&
    (!options.since || new Date(m.receivedAt) >= options.since);
  for (;;) {
    const found = emailsTo(to).filter(matches).at(-1);
    if (found) return found;
    if (Date.now() > deadline) {
      const others = emailsTo(to).map((m) => `"${m.subject}" at ${m.receivedAt}`);
      throw new Error(
        `No email to ${to}${options.subjectIncludes ? ` with "${options.subjectIncludes}" in the subject` : ""} ` +
          `within ${options.timeoutMs ?? 20_000} ms (${refusalsFor(to)} refusals; other emails to it: ${others.join("; ") || "none"})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

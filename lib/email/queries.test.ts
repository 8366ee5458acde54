import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { newLinkToken } from "@/lib/identity/tokens";
import { emailOutbox } from "@/db/schema";
import { enqueueEmail } from "./outbox";
import { getOutboxEmail, listOutboxEmails } from "./queries";
import { renderEmail } from "./render";
import { outboxEmailIdSchema, outboxFiltersSchema } from "./schemas";

// On a shared PostgreSQL database other files' emails exist too: every list here is narrowed to
// this run's recipients, which all contain a token of this run.

const token = randomBytes(4).toString("hex");
const query = (page = 1, pageSize = 20, dir: "asc" | "desc" = "desc") => ({ page, pageSize, sort: "createdAt" as const, dir });
const ids: string[] = [];
const admin = { role: "admin" as const };

beforeAll(async () => {
  await migrateDatabase();
  // a_1, a_2 … and one address whose "%" and "_" must match only literally.
  const recipients = [1, 2, 3, 4, 5].map((n) => `a${n}.${token}@list-test.example`).concat(`x%_${token}@list-test.example`);
  for (const to of recipients) {
    const content = renderEmail({ subject: `To ${to}`, greeting: "Hello", paragraphs: [], footer: "Portal" }, "ru");
    ids.push(await getDb().transaction((tx) => enqueueEmail(tx, { to, locale: "ru", template: "list-test", content })));
  }
  // A second apart: PGlite's clock has millisecond steps, so quick inserts can share a time.
  const start = Date.now();
  for (const [i, id] of ids.entries()) await getDb().update(emailOutbox).set({ createdAt: new Date(start + i * 1000) }).where(eq(emailOutbox.id, id));
  await getDb().update(emailOutbox).set({ status: "failed", attempts: 10 }).where(eq(emailOutbox.id, ids[0]!));
});

describe("listOutboxEmails", () => {
  it("finds recipients by any part of the address, case-insensitively, newest first", async () => {
    const { rows, total } = await listOutboxEmails(admin, { recipient: token.toUpperCase() }, query());
    expect(total).toBe(6);
    expect(rows.map((r) => r.id)).toEqual([...ids].reverse());
  });

  it("treats % and _ in the filter as themselves", async () => {
    const { rows } = await listOutboxEmails(admin, { recipient: `%_${token}` }, query());
    expect(rows.map((r) => r.toAddress)).toEqual([`x%_${token}@list-test.example`]);
  });

  it("filters by status and pages with the total of the whole list", async () => {
    expect((await listOutboxEmails(admin, { status: "failed", recipient: token }, query())).rows.map((r) => r.id)).toEqual([ids[0]]);
    const second = await listOutboxEmails(admin, { recipient: token }, query(2, 4, "asc"));
    expect(second.total).toBe(6);
    expect(second.rows.map((r) => r.id)).toEqual(ids.slice(4));
    expect(await listOutboxEmails(admin, { recipient: token }, query(9, 4))).toEqual({ rows: [], total: 6 });
  });
});

describe("getOutboxEmail", () => {
  it("returns the email with its text, or null for an unknown id", async () => {
    // The failed one: a sender in another test file may deliver the pending ones meanwhile.
    const email = await getOutboxEmail(admin, ids[0]!);
    expect(email).toMatchObject({ toAddress: `a1.${token}@list-test.example`, locale: "ru", template: "list-test", status: "failed", attempts: 10 });
    expect(email!.textBody).toContain("Hello");
    expect(await getOutboxEmail(admin, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("shows sign-in links without their tokens, which would let an admin set the recipient's password", async () => {
    const links = ["reset-password", "invitation", "observer-invitation"].map((path) => ({ path, token: newLinkToken().token }));
    const paragraphs = links.map(({ path, token }) => `https://portal.example/ru/${path}/${token}`);
    const content = renderEmail({ subject: "Links", greeting: "Hello", paragraphs, footer: "Portal" }, "ru");
    const id = await getDb().transaction((tx) => enqueueEmail(tx, { to: `links.${token}@list-test.example`, locale: "ru", template: "list-test", content }));
    const email = await getOutboxEmail(admin, id);
    for (const link of links) {
      expect(email!.textBody).not.toContain(link.token);
      expect(email!.textBody).toContain(`https://portal.example/ru/${link.path}/…`);
    }
    expect(email!.linksWithheld).toBe(true);
    expect((await getOutboxEmail(admin, ids[1]!))!.linksWithheld).toBe(false);
  });

  it("is for admins only", async () => {
    for (const role of ["reviewer", "coordinator", "observer"] as const) {
      await expect(getOutboxEmail({ role }, ids[0]!)).rejects.toThrow();
      await expect(listOutboxEmails({ role }, { recipient: token }, query())).rejects.toThrow();
    }
  });
});

describe("outbox filters from the URL", () => {
  it("drop what makes no sense rather than fail", () => {
    expect(outboxFiltersSchema.parse({ status: "delivered", recipient: "   " })).toEqual({});
    expect(outboxFiltersSchema.parse({ status: "sent", recipient: " anna@osce.org " })).toEqual({ status: "sent", recipient: "anna@osce.org" });
    expect(outboxFiltersSchema.parse({ recipient: "x".repeat(300) })).toEqual({});
  });

  it("accept only UUIDs as email ids", () => {
    expect(outboxEmailIdSchema.safeParse(ids[0]).success).toBe(true);
    expect(outboxEmailIdSchema.safeParse("1 or 1=1").success).toBe(false);
  });
});

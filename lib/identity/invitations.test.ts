import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { auditEvents, emailOutbox, invitations, organizations, users } from "@/db/schema";
import { verifyPassword } from "./password";
import { acceptInvitation, findInvitation, inviteUser, listInvitations, resendInvitation, revokeInvitation } from "./invitations";
import type { Actor } from "./session";

const admin: Actor = { id: "", name: "Aýna Admin", email: "", role: "admin", organizationId: null, totpEnabled: true, sessionId: randomUUID() };
let organizationId: string;
const tokenIn = (body: string) => body.match(/\/invitation\/([A-Za-z0-9_-]{43})/)![1]!;

async function lastEmailTo(address: string) {
  const rows = await getDb().select({ subject: emailOutbox.subject, text: emailOutbox.textBody, locale: emailOutbox.locale }).from(emailOutbox).where(eq(emailOutbox.toAddress, address));
  return rows.at(-1)!;
}

beforeAll(async () => {
  await migrateDatabase();
  const [org] = await getDb()
    .insert(organizations)
    .values({ nameTk: "Synag guramasy", nameRu: "Тестовая организация", nameEn: "Test Organization", acronym: "TO", kind: "international_ngo", seatCountry: "DE" })
    .returning({ id: organizations.id });
  organizationId = org!.id;
  const [user] = await getDb().insert(users).values({ name: admin.name, email: `admin-${randomUUID()}@example.org`, role: "admin" }).returning({ id: users.id, email: users.email });
  admin.id = user!.id;
  admin.email = user!.email;
});
afterAll(() => closeDb());

describe("invitations", () => {
  it("invites a coordinator: a hashed token, an email in the chosen language and an audit event, together", async () => {
    const email = `coordinator-${randomUUID()}@example.org`;
    const result = await inviteUser(admin, { email, role: "coordinator", organizationId, locale: "ru" }, "10.0.0.9");
    expect(result).toHaveProperty("id");
    const mail = await lastEmailTo(email);
    expect(mail.locale).toBe("ru");
    expect(mail.subject).toBe("Приглашение на Портал международных наблюдателей");
    expect(mail.text).toContain("«Тестовая организация»");
    const token = tokenIn(mail.text);
    const [row] = await getDb().select({ tokenHash: invitations.tokenHash }).from(invitations).where(eq(invitations.id, (result as { id: string }).id));
    expect(row!.tokenHash).not.toContain(token);
    const events = await getDb().select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, (result as { id: string }).id));
    expect(events.map((e) => e.action)).toEqual(["invitation.sent"]);
    expect((await findInvitation(token))?.status).toBe("pending");
  });

  it("refuses an address that already has an account, and anyone but an admin", async () => {
    expect(await inviteUser(admin, { email: admin.email.toUpperCase(), role: "reviewer", locale: "en" }, null)).toEqual({ fieldErrors: { email: "accountExists" } });
    const reviewer = { ...admin, role: "reviewer" as const };
    await expect(inviteUser(reviewer, { email: `x-${randomUUID()}@example.org`, role: "reviewer", locale: "en" }, null)).rejects.toThrow(/Refused/);
    await expect(listInvitations({ ...admin, role: "coordinator" }, {}, { page: 1, pageSize: 10, sort: "createdAt", dir: "desc" })).rejects.toThrow(/Refused/);
  });

  it("accepts once: the account gets the invitation's role and organization, and the link is then used", async () => {
    const email = `staff-${randomUUID()}@example.org`;
    await inviteUser(admin, { email, role: "coordinator", organizationId, locale: "tk" }, null);
    const token = tokenIn((await lastEmailTo(email)).text);
    const choice = { name: "Dowlet Orazow", password: "a sturdy passphrase 42", preferredLocale: "tk" as const };
    const [first, second] = await Promise.all([acceptInvitation(token, choice, null), acceptInvitation(token, choice, null)]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    const [user] = await getDb().select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ role: "coordinator", organizationId, name: "Dowlet Orazow", preferredLocale: "tk" });
    expect(await verifyPassword(user!.passwordHash, choice.password)).toBe(true);
    expect((await findInvitation(token))?.status).toBe("accepted");
    expect(await acceptInvitation(token, choice, null)).toBeNull();
  });

  it("makes a revoked or resent link useless, and an expired one too", async () => {
    const email = `revoked-${randomUUID()}@example.org`;
    const { id } = (await inviteUser(admin, { email, role: "reviewer", locale: "en" }, null)) as { id: string };
    const first = tokenIn((await lastEmailTo(email)).text);
    const newestId = (await resendInvitation(admin, id, null))!;
    const second = tokenIn((await lastEmailTo(email)).text);
    expect(second).not.toBe(first);
    expect((await findInvitation(first))?.status).toBe("revoked");
    expect((await findInvitation(second))?.status).toBe("pending");

    expect(await revokeInvitation(admin, newestId, null)).toBe(true);
    expect(await revokeInvitation(admin, newestId, null)).toBe(false);
    expect(await acceptInvitation(second, { name: "X", password: "a sturdy passphrase 42", preferredLocale: "en" }, null)).toBeNull();

    const expiring = `expired-${randomUUID()}@example.org`;
    const { id: expiredId } = (await inviteUser(admin, { email: expiring, role: "reviewer", locale: "en" }, null)) as { id: string };
    await getDb().update(invitations).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invitations.id, expiredId));
    const expiredToken = tokenIn((await lastEmailTo(expiring)).text);
    expect((await findInvitation(expiredToken))?.status).toBe("expired");
    expect(await acceptInvitation(expiredToken, { name: "X", password: "a sturdy passphrase 42", preferredLocale: "en" }, null)).toBeNull();
  });

  it("does not look up malformed tokens", async () => {
    expect(await findInvitation("short")).toBeNull();
    expect(await findInvitation("x".repeat(43))).toBeNull();
  });
});

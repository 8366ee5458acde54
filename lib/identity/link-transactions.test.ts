import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { auditEvents, emailOutbox, invitations, organizations, passwordResets, users } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/record";
import { hashPassword, verifyPassword } from "./password";
import { acceptInvitation, findInvitation, inviteUser, resendInvitation, revokeInvitation } from "./invitations";
import { findPasswordReset, requestPasswordReset, resetPassword } from "./password-reset";
import type { Actor } from "./session";
import { hashLinkToken } from "./tokens";

/**
 * The links' bookkeeping: each change, its email and its audit event commit together or not at
 * all, and the audit trail explains every link that stops working. A failing audit write (the
 * last step of each change) must leave no email and no change behind.
 */
vi.mock("@/lib/audit/record", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/audit/record")>();
  return { ...actual, writeAuditEvent: vi.fn(actual.writeAuditEvent) };
});


const admin: Actor = { id: "", name: "Jeren Admin", email: "", role: "admin", organizationId: null, totpEnabled: true, sessionId: randomUUID() };
let organizationId: string;
const address = (label: string) => `${label}-${randomUUID()}@example.org`;
const invitationToken = (text: string) => text.match(/\/invitation\/([A-Za-z0-9_-]{43})/)![1]!;
const resetToken = (text: string) => text.match(/\/reset-password\/([A-Za-z0-9_-]{43})/)![1]!;
const auditFails = () => vi.mocked(writeAuditEvent).mockRejectedValueOnce(new Error("audit store unavailable"));

const mailsTo = (to: string) =>
  getDb().select({ text: emailOutbox.textBody, template: emailOutbox.template }).from(emailOutbox).where(eq(emailOutbox.toAddress, to)).orderBy(emailOutbox.createdAt);
const invitationsTo = (email: string) =>
  getDb()
    .select({ id: invitations.id, expiresAt: invitations.expiresAt, createdAt: invitations.createdAt, revokedAt: invitations.revokedAt })
    .from(invitations)
    .where(eq(invitations.email, email));
const eventsOf = (entityId: string) =>
  getDb().select({ action: auditEvents.action, details: auditEvents.details, actorId: auditEvents.actorId }).from(auditEvents).where(eq(auditEvents.entityId, entityId)).orderBy(auditEvents.seq);

async function newUser(label: string, values: Partial<typeof users.$inferInsert> = {}) {
  const [row] = await getDb()
    .insert(users)
    .values({ name: label, email: address(label), role: "reviewer", preferredLocale: "tk", passwordHash: await hashPassword("the old passphrase 1"), ...values })
    .returning({ id: users.id, email: users.email });
  return row!;
}

beforeAll(async () => {
  await migrateDatabase();
  const [org] = await getDb()
    .insert(organizations)
    .values({ nameTk: "Synag missiýasy", nameRu: "Тестовая миссия", nameEn: "Test Mission", acronym: "TM", kind: "intergovernmental", seatCountry: "AT" })
    .returning({ id: organizations.id });
  organizationId = org!.id;
  const row = await newUser("admin", { role: "admin" });
  admin.id = row.id;
  admin.email = row.email;
});
afterAll(() => closeDb());

describe("invitation links", () => {
  it("stores only the token's SHA-256 and expires the link 7 days after sending", async () => {
    const email = address("hashed");
    const before = Date.now();
    const { id } = (await inviteUser(admin, { email, role: "coordinator", organizationId, locale: "en" }, null)) as { id: string };
    const token = invitationToken((await mailsTo(email))[0]!.text);
    const [row] = await getDb().select({ tokenHash: invitations.tokenHash, expiresAt: invitations.expiresAt }).from(invitations).where(eq(invitations.id, id));
    expect(row!.tokenHash).toBe(hashLinkToken(token));
    const week = 7 * 24 * 60 * 60_000;
    expect(row!.expiresAt.getTime()).toBeGreaterThanOrEqual(before + week);
    expect(row!.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + week);
  });

  it("writes the email in the chosen language, naming who invites and the organization", async () => {
    const email = address("tk");
    await inviteUser(admin, { email, role: "coordinator", organizationId, locale: "tk" }, null);
    const [mail] = await mailsTo(email);
    expect(mail!.template).toBe("invitation");
    expect(mail!.text).toContain("Jeren Admin");
    expect(mail!.text).toContain("«Synag missiýasy»");
    expect(mail!.text).toContain("(Aşgabat wagty bilen)");
    expect(mail!.text).toMatch(/\/tk\/invitation\/[A-Za-z0-9_-]{43}/);
  });

  it("a second invitation to the same address replaces the first, and its audit event says so", async () => {
    const email = address("twice");
    const first = (await inviteUser(admin, { email, role: "reviewer", locale: "en" }, null)) as { id: string };
    const second = (await inviteUser(admin, { email: email.toUpperCase(), role: "admin", locale: "ru" }, null)) as { id: string };
    const [firstToken, secondToken] = (await mailsTo(email)).map((m) => invitationToken(m.text));
    expect((await findInvitation(firstToken!))?.status).toBe("revoked");
    expect((await findInvitation(secondToken!))?.status).toBe("pending");
    const [sent] = await eventsOf(second.id);
    expect(sent).toMatchObject({ action: "invitation.sent", actorId: admin.id, details: { role: "admin", locale: "ru", replaces: [first.id] } });
  });

  it("resending revokes the old link, sends a working one and records resend: true", async () => {
    const email = address("resend");
    const { id } = (await inviteUser(admin, { email, role: "coordinator", organizationId, locale: "en" }, null)) as { id: string };
    const newId = await resendInvitation(admin, id, "10.2.0.1");
    expect(newId).toEqual(expect.any(String));
    const [oldToken, newToken] = (await mailsTo(email)).map((m) => invitationToken(m.text));
    expect(newToken).not.toBe(oldToken);
    expect((await findInvitation(oldToken!))?.status).toBe("revoked");
    expect((await findInvitation(newToken!))?.status).toBe("pending");
    expect(await acceptInvitation(oldToken!, { name: "Old Link", password: "a sturdy passphrase 42", preferredLocale: "en" }, null)).toBeNull();
    const [sent] = await eventsOf(newId!);
    expect(sent).toMatchObject({ action: "invitation.sent", details: { resend: true, replaces: [id], organizationId } });
  });

  it("does not resend to an address that has an account by now, nor an accepted invitation", async () => {
    const email = address("taken");
    const { id } = (await inviteUser(admin, { email, role: "reviewer", locale: "en" }, null)) as { id: string };
    await newUser("taken", { email });
    expect(await resendInvitation(admin, id, null)).toBeNull();
    expect(await mailsTo(email)).toHaveLength(1);
    expect((await invitationsTo(email))[0]!.revokedAt).toBeNull();

    const accepted = address("accepted");
    const invitation = (await inviteUser(admin, { email: accepted, role: "reviewer", locale: "en" }, null)) as { id: string };
    await acceptInvitation(invitationToken((await mailsTo(accepted))[0]!.text), { name: "Accepted", password: "a sturdy passphrase 42", preferredLocale: "en" }, null);
    expect(await resendInvitation(admin, invitation.id, null)).toBeNull();
    expect(await resendInvitation(admin, randomUUID(), null)).toBeNull();
  });

  it("revoking writes invitation.revoked with the admin as actor", async () => {
    const email = address("revoke");
    const { id } = (await inviteUser(admin, { email, role: "reviewer", locale: "en" }, "10.2.0.2")) as { id: string };
    expect(await revokeInvitation(admin, id, "10.2.0.2")).toBe(true);
    expect((await eventsOf(id)).map((e) => [e.action, e.actorId])).toEqual([
      ["invitation.sent", admin.id],
      ["invitation.revoked", admin.id],
    ]);
  });

  it("accepting records invitation.accepted by the new account, with the email lower-cased", async () => {
    const email = address("Mixed.Case");
    const { id } = (await inviteUser(admin, { email, role: "coordinator", organizationId, locale: "en" }, null)) as { id: string };
    // The email goes to the address as the account will have it.
    expect(await mailsTo(email)).toEqual([]);
    const [mail] = await mailsTo(email.toLowerCase());
    const user = await acceptInvitation(invitationToken(mail!.text), { name: "Aman", password: "a sturdy passphrase 42", preferredLocale: "ru" }, "10.2.0.3");
    expect(user!.email).toBe(email.toLowerCase());
    const [row] = await getDb().select({ passwordChangedAt: users.passwordChangedAt, preferredLocale: users.preferredLocale }).from(users).where(eq(users.id, user!.id));
    expect(row!.passwordChangedAt).not.toBeNull();
    expect(row!.preferredLocale).toBe("ru");
    const events = await eventsOf(id);
    expect(events.at(-1)).toMatchObject({ action: "invitation.accepted", actorId: user!.id });
  });

  it("never runs for anyone but an admin", async () => {
    const reviewer = { ...admin, role: "reviewer" as const };
    const email = address("refused");
    const { id } = (await inviteUser(admin, { email, role: "reviewer", locale: "en" }, null)) as { id: string };
    await expect(revokeInvitation(reviewer, id, null)).rejects.toThrow(/Refused/);
    await expect(resendInvitation({ ...admin, role: "coordinator" }, id, null)).rejects.toThrow(/Refused/);
    expect((await findInvitation(invitationToken((await mailsTo(email))[0]!.text)))?.status).toBe("pending");
  });
});

describe("a failed audit write undoes the whole change", () => {
  it("inviting: no invitation and no email", async () => {
    const email = address("undone");
    auditFails();
    await expect(inviteUser(admin, { email, role: "coordinator", organizationId, locale: "en" }, null)).rejects.toThrow(/audit store/);
    expect(await invitationsTo(email)).toEqual([]);
    expect(await mailsTo(email)).toEqual([]);
  });

  it("resending: the old link still works and no new email exists", async () => {
    const email = address("resend-undone");
    await inviteUser(admin, { email, role: "reviewer", locale: "en" }, null);
    const [row] = await invitationsTo(email);
    auditFails();
    await expect(resendInvitation(admin, row!.id, null)).rejects.toThrow(/audit store/);
    expect(await invitationsTo(email)).toEqual([row]);
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(1);
    expect((await findInvitation(invitationToken(mails[0]!.text)))?.status).toBe("pending");
  });

  it("revoking: the invitation stays pending", async () => {
    const email = address("revoke-undone");
    const { id } = (await inviteUser(admin, { email, role: "reviewer", locale: "en" }, null)) as { id: string };
    auditFails();
    await expect(revokeInvitation(admin, id, null)).rejects.toThrow(/audit store/);
    expect((await findInvitation(invitationToken((await mailsTo(email))[0]!.text)))?.status).toBe("pending");
  });

  it("accepting: no account, and the link still works", async () => {
    const email = address("accept-undone");
    await inviteUser(admin, { email, role: "reviewer", locale: "en" }, null);
    const token = invitationToken((await mailsTo(email))[0]!.text);
    const choice = { name: "Later", password: "a sturdy passphrase 42", preferredLocale: "en" as const };
    auditFails();
    await expect(acceptInvitation(token, choice, null)).rejects.toThrow(/audit store/);
    expect(await getDb().select({ id: users.id }).from(users).where(eq(users.email, email))).toEqual([]);
    expect((await findInvitation(token))?.status).toBe("pending");
    expect(await acceptInvitation(token, choice, null)).not.toBeNull();
  });

  it("requesting a reset: no link and no email", async () => {
    const user = await newUser("reset-request-undone");
    auditFails();
    await expect(requestPasswordReset(user.email, null)).rejects.toThrow(/audit store/);
    expect(await getDb().select({ id: passwordResets.id }).from(passwordResets).where(eq(passwordResets.userId, user.id))).toEqual([]);
    expect(await mailsTo(user.email)).toEqual([]);
  });

  it("resetting: the old password, the sessions and the link all stay as they were", async () => {
    const user = await newUser("reset-undone");
    await requestPasswordReset(user.email, null);
    const token = resetToken((await mailsTo(user.email))[0]!.text);
    auditFails();
    await expect(resetPassword(token, "a brand new passphrase", null)).rejects.toThrow(/audit store/);
    const [row] = await getDb().select({ hash: users.passwordHash, version: users.sessionVersion }).from(users).where(eq(users.id, user.id));
    expect(await verifyPassword(row!.hash, "the old passphrase 1")).toBe(true);
    expect(row!.version).toBe(1);
    expect((await findPasswordReset(token)).status).toBe("valid");
  });
});

describe("reset links", () => {
  it("expire one hour after the request, are stored hashed, and are written in the user's language", async () => {
    const user = await newUser("reset-hour", { preferredLocale: "ru" });
    const before = Date.now();
    await requestPasswordReset(user.email, "10.3.0.1");
    const [mail] = await mailsTo(user.email);
    expect(mail!.template).toBe("password-reset");
    expect(mail!.text).toContain("по ашхабадскому времени");
    expect(mail!.text).toMatch(/\/ru\/reset-password\/[A-Za-z0-9_-]{43}/);
    const token = resetToken(mail!.text);
    const [row] = await getDb().select({ tokenHash: passwordResets.tokenHash, expiresAt: passwordResets.expiresAt }).from(passwordResets).where(eq(passwordResets.userId, user.id));
    expect(row!.tokenHash).toBe(hashLinkToken(token));
    expect(row!.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 60 * 60_000);
    expect(row!.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 60 * 60_000);
    expect(await eventsOf(user.id)).toEqual([{ action: "password.reset_requested", details: {}, actorId: null }]);
  });

  it("are not made for a disabled account, which gets no email either", async () => {
    const user = await newUser("disabled", { disabledAt: new Date() });
    await expect(requestPasswordReset(user.email, null)).resolves.toBeUndefined();
    expect(await getDb().select({ id: passwordResets.id }).from(passwordResets).where(eq(passwordResets.userId, user.id))).toEqual([]);
    expect(await mailsTo(user.email)).toEqual([]);
    expect(await eventsOf(user.id)).toEqual([]);
  });

  it("answer an unknown address the same way, writing nothing", async () => {
    const unknown = address("nobody");
    const [before] = await getDb().select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(and(eq(auditEvents.action, "password.reset_requested"), sql`${auditEvents.ip} = '10.3.0.9'`));
    await expect(requestPasswordReset(unknown, "10.3.0.9")).resolves.toBeUndefined();
    const [after] = await getDb().select({ n: sql<number>`count(*)::int` }).from(auditEvents).where(and(eq(auditEvents.action, "password.reset_requested"), sql`${auditEvents.ip} = '10.3.0.9'`));
    expect(after!.n).toBe(before!.n);
    expect(await mailsTo(unknown)).toEqual([]);
  });

  it("a reset bumps the session version, records password.reset by the user, and spends every open link", async () => {
    const user = await newUser("reset-bump");
    await requestPasswordReset(user.email, null);
    await requestPasswordReset(user.email, null);
    const [first, second] = (await mailsTo(user.email)).map((m) => resetToken(m.text));
    expect(await resetPassword(first!, "a brand new passphrase", "10.3.0.2")).toBe(true);
    const [row] = await getDb().select({ version: users.sessionVersion, changedAt: users.passwordChangedAt }).from(users).where(eq(users.id, user.id));
    expect(row!.version).toBe(2);
    expect(row!.changedAt).not.toBeNull();
    expect((await findPasswordReset(second!)).status).toBe("used");
    expect(await resetPassword(second!, "another new passphrase", null)).toBe(false);
    expect((await eventsOf(user.id)).map((e) => [e.action, e.actorId])).toEqual([
      ["password.reset_requested", null],
      ["password.reset_requested", null],
      ["password.reset", user.id],
    ]);
  });
});

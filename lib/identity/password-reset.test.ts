import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { closeDb, getDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { auditEvents, emailOutbox, passwordResets, userSessions, users } from "@/db/schema";
import { hashPassword, verifyPassword } from "./password";
import { changePassword, findPasswordReset, requestPasswordReset, resetPassword } from "./password-reset";

let user: { id: string; email: string; role: string };
const tokenIn = (body: string) => body.match(/\/reset-password\/([A-Za-z0-9_-]{43})/)![1]!;
const mailsTo = (address: string) => getDb().select({ text: emailOutbox.textBody, locale: emailOutbox.locale }).from(emailOutbox).where(eq(emailOutbox.toAddress, address));

beforeAll(async () => {
  await migrateDatabase();
  const [row] = await getDb()
    .insert(users)
    .values({ name: "Oguljan", email: `oguljan-${randomUUID()}@example.org`, role: "reviewer", preferredLocale: "ru", passwordHash: await hashPassword("the old passphrase 1") })
    .returning({ id: users.id, email: users.email, role: users.role });
  user = row!;
});
afterAll(() => closeDb());

describe("password reset", () => {
  it("sends nothing and creates nothing for an unknown address", async () => {
    const address = `nobody-${randomUUID()}@example.org`;
    await requestPasswordReset(address, null);
    expect(await mailsTo(address)).toEqual([]);
  });

  it("emails a one-hour link in the user's language; using it changes the password, ends every session and spends every open link", async () => {
    await requestPasswordReset(user.email.toUpperCase(), "10.1.1.1");
    await requestPasswordReset(user.email, "10.1.1.1");
    const mails = await mailsTo(user.email);
    expect(mails).toHaveLength(2);
    expect(mails[0]!.locale).toBe("ru");
    const [older, newer] = mails.map((m) => tokenIn(m.text));
    expect((await findPasswordReset(newer!)).status).toBe("valid");

    const [session] = await getDb().insert(userSessions).values({ userId: user.id }).returning({ id: userSessions.id });
    const [before] = await getDb().select({ version: users.sessionVersion }).from(users).where(eq(users.id, user.id));
    expect(await resetPassword(newer!, "a brand new passphrase", null)).toBe(true);
    const [after] = await getDb().select({ version: users.sessionVersion, hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    expect(after!.version).toBe(before!.version + 1);
    expect(await verifyPassword(after!.hash, "a brand new passphrase")).toBe(true);
    const [revoked] = await getDb().select({ revokedAt: userSessions.revokedAt }).from(userSessions).where(eq(userSessions.id, session!.id));
    expect(revoked!.revokedAt).not.toBeNull();

    expect(await resetPassword(newer!, "yet another passphrase", null)).toBe(false);
    expect((await findPasswordReset(newer!)).status).toBe("used");
    expect((await findPasswordReset(older!)).status).toBe("used");
    const actions = (await getDb().select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, user.id))).map((e) => e.action);
    expect(actions.filter((a) => a === "password.reset_requested")).toHaveLength(2);
    expect(actions).toContain("password.reset");
  });

  it("refuses an expired link", async () => {
    await requestPasswordReset(user.email, null);
    const token = tokenIn((await mailsTo(user.email)).at(-1)!.text);
    await getDb().update(passwordResets).set({ expiresAt: new Date(Date.now() - 1) }).where(eq(passwordResets.userId, user.id));
    expect((await findPasswordReset(token)).status).toBe("expired");
    expect(await resetPassword(token, "a brand new passphrase 2", null)).toBe(false);
  });

  it("changes a password only with the current one, and ends the user's other sessions but not this one", async () => {
    const [current] = await getDb().insert(userSessions).values({ userId: user.id }).returning({ id: userSessions.id });
    const [other] = await getDb().insert(userSessions).values({ userId: user.id }).returning({ id: userSessions.id });
    const actor = { ...user, sessionId: current!.id };
    expect(await changePassword(actor, "wrong current password", "changed passphrase 9", null)).toBe(false);
    expect(await changePassword(actor, "a brand new passphrase", "changed passphrase 9", null)).toBe(true);
    const rows = await getDb().select({ id: userSessions.id, revokedAt: userSessions.revokedAt }).from(userSessions).where(eq(userSessions.userId, user.id));
    expect(rows.find((r) => r.id === current!.id)!.revokedAt).toBeNull();
    expect(rows.find((r) => r.id === other!.id)!.revokedAt).not.toBeNull();
  });
});

import "server-only";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { passwordResets, userSessions, users } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/record";
import { enqueueEmail } from "@/lib/email/outbox";
import { passwordResetEmail } from "@/lib/email/templates/password-reset";
import { getEnv } from "@/lib/env";
import { hashPassword, verifyPassword } from "./password";
import { hashLinkToken, isWellFormedToken, newLinkToken } from "./tokens";
import { getUserForSignIn } from "./users";

const VALID_FOR_MS = 60 * 60_000;

/**
 * Sends a reset link to an existing, enabled account; does nothing otherwise. The caller answers
 * the same either way, so the page never tells whether an address has an account.
 */
export async function requestPasswordReset(email: string, ip: string | null) {
  const user = await getUserForSignIn(email);
  if (!user || user.disabledAt) return;
  const [profile] = await getDb().select({ locale: users.preferredLocale }).from(users).where(eq(users.id, user.id));
  const locale = profile!.locale;
  const { token, tokenHash } = newLinkToken();
  const expiresAt = new Date(Date.now() + VALID_FOR_MS);
  await getDb().transaction(async (tx) => {
    await tx.insert(passwordResets).values({ userId: user.id, tokenHash, expiresAt });
    await enqueueEmail(tx, {
      to: user.email,
      locale,
      template: "password-reset",
      content: passwordResetEmail(locale, { url: `${getEnv().SITE_URL}/${locale}/reset-password/${token}`, expiresAt }),
    });
    await writeAuditEvent(tx, { actor: null, action: "password.reset_requested", entityType: "user", entityId: user.id, ip });
  });
}

export type ResetLinkStatus = "valid" | "used" | "expired" | "unknown";

export async function findPasswordReset(token: string): Promise<{ status: ResetLinkStatus; email?: string }> {
  if (!isWellFormedToken(token)) return { status: "unknown" };
  const [row] = await getDb()
    .select({ usedAt: passwordResets.usedAt, expiresAt: passwordResets.expiresAt, email: users.email })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, hashLinkToken(token)))
    .limit(1);
  if (!row) return { status: "unknown" };
  if (row.usedAt) return { status: "used" };
  if (row.expiresAt <= new Date()) return { status: "expired" };
  return { status: "valid", email: row.email };
}

/**
 * Sets the new password from a valid link, once. Every session of the account ends (the
 * version is bumped) and every other open link of the account stops working.
 */
export async function resetPassword(token: string, password: string, ip: string | null): Promise<boolean> {
  if (!isWellFormedToken(token)) return false;
  const passwordHash = await hashPassword(password);
  return getDb().transaction(async (tx) => {
    const [reset] = await tx
      .select({ id: passwordResets.id, userId: passwordResets.userId, usedAt: passwordResets.usedAt, expiresAt: passwordResets.expiresAt })
      .from(passwordResets)
      .where(eq(passwordResets.tokenHash, hashLinkToken(token)))
      .for("update");
    if (!reset || reset.usedAt || reset.expiresAt <= new Date()) return false;
    const [user] = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date(), sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, reset.userId))
      .returning({ id: users.id, role: users.role });
    await tx.update(userSessions).set({ revokedAt: new Date() }).where(and(eq(userSessions.userId, reset.userId), isNull(userSessions.revokedAt)));
    await tx.update(passwordResets).set({ usedAt: new Date() }).where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt)));
    await writeAuditEvent(tx, { actor: user!, action: "password.reset", entityType: "user", entityId: reset.userId, ip });
    return true;
  });
}

/** A signed-in user's own change: needs the current password; every other session ends. */
export async function changePassword(
  actor: { id: string; role: string; email: string; sessionId: string },
  currentPassword: string,
  newPassword: string,
  ip: string | null,
): Promise<boolean> {
  const account = await getUserForSignIn(actor.email);
  if (!account || !(await verifyPassword(account.passwordHash, currentPassword))) return false;
  const passwordHash = await hashPassword(newPassword);
  await getDb().transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, actor.id));
    await tx
      .update(userSessions)
      .set({ revokedAt: new Date() })
      .where(and(eq(userSessions.userId, actor.id), ne(userSessions.id, actor.sessionId), isNull(userSessions.revokedAt)));
    await writeAuditEvent(tx, { actor, action: "password.changed", entityType: "user", entityId: actor.id, ip });
  });
  return true;
}

import "server-only";
import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db";
import { recoveryCodes, userSessions, users } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/record";
import { assertPermission } from "@/lib/identity/authorize";
import type { Permission, Role } from "@/lib/identity/permissions";
import type { AccountError, AccountOutcome } from "./schemas";

type Admin = { id: string; role: Role };

/** Which accounts a list manages: staff (reviewers, administrators) or mission coordinators. */
export type AccountScope = "staff" | "coordinators";

const scopes = {
  staff: { permission: "manage:staff", roles: ["reviewer", "admin"] },
  coordinators: { permission: "manage:coordinators", roles: ["coordinator"] },
} as const satisfies Record<AccountScope, { permission: Permission; roles: readonly Role[] }>;

export type AccountActionResult = { ok: true; outcome: AccountOutcome } | { ok: false; error: AccountError };

/** The target, locked for the change, if it exists and belongs to the scope. */
async function lockTarget(tx: Transaction, scope: AccountScope, userId: string) {
  const [target] = await tx
    .select({ id: users.id, role: users.role, disabledAt: users.disabledAt, totpEnabledAt: users.totpEnabledAt, totpSecret: users.totpSecretEncrypted })
    .from(users)
    .where(and(eq(users.id, userId), inArray(users.role, [...scopes[scope].roles])))
    .for("update");
  return target ?? null;
}

/** Ends every session of a user at their next request: the cookie's version no longer matches. */
async function endSessions(tx: Transaction, userId: string) {
  await tx.update(userSessions).set({ revokedAt: new Date() }).where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)));
}

/**
 * Disables an account: it can no longer sign in, and its open sessions end at their next
 * request. Administrators cannot disable themselves (nobody could undo it if they were the last).
 */
export async function disableAccount(actor: Admin, scope: AccountScope, userId: string, ip: string | null): Promise<AccountActionResult> {
  assertPermission(actor, scopes[scope].permission);
  if (userId === actor.id) return { ok: false, error: "self" };
  return getDb().transaction(async (tx) => {
    const target = await lockTarget(tx, scope, userId);
    if (!target) return { ok: false, error: "notFound" } as const;
    if (target.disabledAt) return { ok: true, outcome: "unchanged" } as const;
    await tx
      .update(users)
      .set({ disabledAt: new Date(), sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(and(eq(users.id, userId), isNull(users.disabledAt)));
    await endSessions(tx, userId);
    await writeAuditEvent(tx, { actor, action: "user.disabled", entityType: "user", entityId: userId, ip, details: { role: target.role } });
    return { ok: true, outcome: "disabled" } as const;
  });
}

/** Enables a disabled account: it may sign in again (its old sessions stay ended). */
export async function enableAccount(actor: Admin, scope: AccountScope, userId: string, ip: string | null): Promise<AccountActionResult> {
  assertPermission(actor, scopes[scope].permission);
  return getDb().transaction(async (tx) => {
    const target = await lockTarget(tx, scope, userId);
    if (!target) return { ok: false, error: "notFound" } as const;
    if (!target.disabledAt) return { ok: true, outcome: "unchanged" } as const;
    await tx
      .update(users)
      .set({ disabledAt: null, updatedAt: new Date() })
      .where(and(eq(users.id, userId), isNotNull(users.disabledAt)));
    await writeAuditEvent(tx, { actor, action: "user.enabled", entityType: "user", entityId: userId, ip, details: { role: target.role } });
    return { ok: true, outcome: "enabled" } as const;
  });
}

/**
 * Resets a staff member's second factor (a lost phone): secret, last used step and recovery
 * codes go, and every session ends; at their next sign-in they enrol a new authenticator.
 */
export async function resetSecondFactor(actor: Admin, userId: string, ip: string | null): Promise<AccountActionResult> {
  assertPermission(actor, "manage:staff");
  if (userId === actor.id) return { ok: false, error: "self" };
  return getDb().transaction(async (tx) => {
    const target = await lockTarget(tx, "staff", userId);
    if (!target) return { ok: false, error: "notFound" } as const;
    if (!target.totpEnabledAt && !target.totpSecret) return { ok: false, error: "notEnrolled" } as const;
    await tx
      .update(users)
      .set({
        totpSecretEncrypted: null,
        totpEnabledAt: null,
        totpLastStep: null,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await endSessions(tx, userId);
    await writeAuditEvent(tx, {
      actor,
      action: "auth.totp_reset",
      entityType: "user",
      entityId: userId,
      ip,
      details: { role: target.role, wasEnrolled: target.totpEnabledAt !== null },
    });
    return { ok: true, outcome: "secondFactorReset" } as const;
  });
}

/**
 * Makes a reviewer an administrator or the reverse. The role is read again on every request, so
 * it takes effect at the next click without signing anyone out. Nobody changes their own role,
 * so the administrator who acts always remains one.
 */
export async function changeStaffRole(actor: Admin, userId: string, role: "reviewer" | "admin", ip: string | null): Promise<AccountActionResult> {
  assertPermission(actor, "manage:staff");
  if (userId === actor.id) return { ok: false, error: "self" };
  return getDb().transaction(async (tx) => {
    const target = await lockTarget(tx, "staff", userId);
    if (!target) return { ok: false, error: "notFound" } as const;
    if (target.role === role) return { ok: true, outcome: "unchanged" } as const;
    await tx
      .update(users)
      .set({ role, updatedAt: new Date() })
      .where(and(eq(users.id, userId), eq(users.role, target.role)));
    await writeAuditEvent(tx, { actor, action: "user.role_changed", entityType: "user", entityId: userId, ip, details: { from: target.role, to: role } });
    return { ok: true, outcome: role === "admin" ? "madeAdmin" : "madeReviewer" } as const;
  });
}

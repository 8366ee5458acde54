import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { recoveryCodes, users } from "@/db/schema";
import { writeAuditEvent } from "@/lib/audit/record";
import { openSecret, sealSecret } from "./secret-box";
import { acceptTotp, hashRecoveryCode, newRecoveryCodes, newTotpSecret } from "./totp";

type Who = { id: string; role: string };

/** The secret being enrolled (created on first visit), or null once enrolment is complete. */
export async function pendingTotpSecret(user: Who): Promise<string | null> {
  const [row] = await getDb()
    .select({ sealed: users.totpSecretEncrypted, enabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, user.id))
    .limit(1);
  if (!row || row.enabledAt) return null;
  if (row.sealed) return openSecret(row.sealed);
  const secret = newTotpSecret();
  await getDb()
    .update(users)
    .set({ totpSecretEncrypted: sealSecret(secret) })
    .where(and(eq(users.id, user.id), isNull(users.totpEnabledAt)));
  return secret;
}

/**
 * Completes enrolment when the code matches the pending secret: from now on every sign-in
 * needs a code. Returns the ten recovery codes to show once, or null for a wrong code.
 */
export async function confirmTotpEnrolment(user: Who, code: string, ip: string | null): Promise<string[] | null> {
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .select({ sealed: users.totpSecretEncrypted, enabledAt: users.totpEnabledAt })
      .from(users)
      .where(eq(users.id, user.id))
      .for("update");
    if (!row?.sealed || row.enabledAt) return null;
    const step = acceptTotp(openSecret(row.sealed), code, null);
    if (step === null) return null;
    const codes = newRecoveryCodes();
    await tx.update(users).set({ totpEnabledAt: new Date(), totpLastStep: step }).where(eq(users.id, user.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId: user.id, codeHash: hashRecoveryCode(c) })));
    await writeAuditEvent(tx, { actor: user, action: "auth.totp_enrolled", entityType: "user", entityId: user.id, ip });
    return codes;
  });
}

/**
 * Checks a second-factor code at sign-in: an authenticator code newer than the last accepted
 * one, or an unused recovery code (then spent). Locks the user's row so two tries cannot race.
 */
export async function verifySecondFactor(user: Who, code: string, ip: string | null): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .select({ sealed: users.totpSecretEncrypted, enabledAt: users.totpEnabledAt, lastStep: users.totpLastStep })
      .from(users)
      .where(eq(users.id, user.id))
      .for("update");
    if (!row?.sealed || !row.enabledAt) return false;
    const step = acceptTotp(openSecret(row.sealed), code, row.lastStep);
    if (step !== null) {
      await tx.update(users).set({ totpLastStep: step }).where(eq(users.id, user.id));
      return true;
    }
    const [spent] = await tx
      .update(recoveryCodes)
      .set({ usedAt: new Date() })
      .where(and(eq(recoveryCodes.userId, user.id), eq(recoveryCodes.codeHash, hashRecoveryCode(code)), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    if (!spent) return false;
    await writeAuditEvent(tx, { actor: user, action: "auth.recovery_code_used", entityType: "user", entityId: user.id, ip });
    return true;
  });
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { closeDb, getDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { auditEvents, users } from "@/db/schema";
import { openSecret } from "./secret-box";
import { confirmTotpEnrolment, pendingTotpSecret, verifySecondFactor } from "./two-factor";

const code = (secret: string, stepsAhead = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 }).generate({ timestamp: Date.now() + stepsAhead * 30_000 });

let user: { id: string; role: string };

beforeAll(async () => {
  await migrateDatabase();
  const [row] = await getDb()
    .insert(users)
    .values({ name: "Test Reviewer", email: `reviewer-${randomUUID()}@example.org`, role: "reviewer" })
    .returning({ id: users.id, role: users.role });
  user = row!;
});
afterAll(() => closeDb());

describe("second-factor enrolment and verification", () => {
  it("keeps the pending secret encrypted, and the same across visits", async () => {
    const secret = (await pendingTotpSecret(user))!;
    expect(await pendingTotpSecret(user)).toBe(secret);
    const [row] = await getDb().select({ sealed: users.totpSecretEncrypted }).from(users).where(eq(users.id, user.id));
    expect(row!.sealed).not.toContain(secret);
    expect(openSecret(row!.sealed!)).toBe(secret);
  });

  it("refuses a wrong first code, then enrols with the right one, gives ten recovery codes and audits it", async () => {
    const secret = (await pendingTotpSecret(user))!;
    expect(await confirmTotpEnrolment(user, "000000", null)).toBeNull();
    const codes = await confirmTotpEnrolment(user, code(secret), "10.0.0.1");
    expect(codes).toHaveLength(10);
    expect(await pendingTotpSecret(user)).toBeNull();
    const events = await getDb().select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, user.id));
    expect(events.map((e) => e.action)).toContain("auth.totp_enrolled");

    // The enrolment's code is spent; the next step's works once.
    expect(await verifySecondFactor(user, code(secret), null)).toBe(false);
    expect(await verifySecondFactor(user, code(secret, 1), null)).toBe(true);
    expect(await verifySecondFactor(user, code(secret, 1), null)).toBe(false);

    // A recovery code works exactly once, and its use is audited.
    expect(await verifySecondFactor(user, codes![3]!.toUpperCase(), null)).toBe(true);
    expect(await verifySecondFactor(user, codes![3]!, null)).toBe(false);
    const after = await getDb().select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.entityId, user.id));
    expect(after.map((e) => e.action)).toContain("auth.recovery_code_used");
  });
});

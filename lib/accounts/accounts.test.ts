import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { recoveryCodes, userSessions, users } from "@/db/schema";
import { PermissionDeniedError } from "@/lib/identity/authorize";
import { setUpTestDatabase, testData } from "@/test/db-fixtures";
import { changeStaffRole, disableAccount, enableAccount, resetSecondFactor } from "./mutations";
import { listCoordinatorAccounts, listStaffAccounts } from "./queries";

const data = testData();
const ip = "203.0.113.9";
let admin: { id: string; role: "admin" };

async function state(userId: string) {
  const [row] = await getDb()
    .select({
      disabledAt: users.disabledAt,
      sessionVersion: users.sessionVersion,
      totpSecretEncrypted: users.totpSecretEncrypted,
      totpEnabledAt: users.totpEnabledAt,
      totpLastStep: users.totpLastStep,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row!;
}

async function openSessions(userId: string, count: number) {
  await getDb()
    .insert(userSessions)
    .values(Array.from({ length: count }, () => ({ userId })));
}

async function sessionsOf(userId: string) {
  return getDb().select({ revokedAt: userSessions.revokedAt }).from(userSessions).where(eq(userSessions.userId, userId));
}

/** A reviewer with an authenticator, a used step and recovery codes, as enrolment leaves them. */
async function enrolledReviewer() {
  const reviewer = await data.user("reviewer", { totpSecretEncrypted: "v1.iv.ciphertext.tag", totpEnabledAt: new Date(), totpLastStep: 58_000_000 });
  await getDb()
    .insert(recoveryCodes)
    .values(Array.from({ length: 10 }, (_, i) => ({ userId: reviewer.id, codeHash: `hash-${i}` })));
  return reviewer;
}

const firstPage = { page: 1, pageSize: 50, sort: "name" as const, dir: "asc" as const };

setUpTestDatabase(data);

beforeAll(async () => {
  const row = await data.user("admin");
  admin = { id: row.id, role: "admin" };
});

describe("disableAccount", () => {
  it("disables a coordinator, ends every open session and records user.disabled", async () => {
    const coordinator = await data.user("coordinator");
    await openSessions(coordinator.id, 2);
    const before = await state(coordinator.id);
    expect(await disableAccount(admin, "coordinators", coordinator.id, ip)).toEqual({ ok: true, outcome: "disabled" });
    const after = await state(coordinator.id);
    expect(after.disabledAt).toBeInstanceOf(Date);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect((await sessionsOf(coordinator.id)).every((s) => s.revokedAt instanceof Date)).toBe(true);
    expect(await data.auditOf("user", coordinator.id)).toEqual([
      { action: "user.disabled", actorId: admin.id, actorRole: "admin", ip, details: { role: "coordinator" } },
    ]);
  });

  it("leaves an already disabled account as it is, without a second event", async () => {
    const reviewer = await data.user("reviewer");
    await disableAccount(admin, "staff", reviewer.id, ip);
    const once = await state(reviewer.id);
    expect(await disableAccount(admin, "staff", reviewer.id, ip)).toEqual({ ok: true, outcome: "unchanged" });
    expect(await state(reviewer.id)).toEqual(once);
    expect((await data.auditOf("user", reviewer.id)).map((e) => e.action)).toEqual(["user.disabled"]);
  });

  it("refuses to let administrators disable themselves", async () => {
    expect(await disableAccount(admin, "staff", admin.id, ip)).toEqual({ ok: false, error: "self" });
    expect((await state(admin.id)).disabledAt).toBeNull();
  });

  it("manages only the accounts of its list: staff on the staff list, coordinators on theirs", async () => {
    const coordinator = await data.user("coordinator");
    const reviewer = await data.user("reviewer");
    expect(await disableAccount(admin, "staff", coordinator.id, ip)).toEqual({ ok: false, error: "notFound" });
    expect(await disableAccount(admin, "coordinators", reviewer.id, ip)).toEqual({ ok: false, error: "notFound" });
    expect(await disableAccount(admin, "staff", "no-such-user", ip)).toEqual({ ok: false, error: "notFound" });
    expect((await state(coordinator.id)).disabledAt).toBeNull();
    expect((await state(reviewer.id)).disabledAt).toBeNull();
  });
});

describe("enableAccount", () => {
  it("enables a disabled account and records user.enabled; its old sessions stay ended", async () => {
    const coordinator = await data.user("coordinator");
    await openSessions(coordinator.id, 1);
    await disableAccount(admin, "coordinators", coordinator.id, ip);
    const disabled = await state(coordinator.id);
    expect(await enableAccount(admin, "coordinators", coordinator.id, ip)).toEqual({ ok: true, outcome: "enabled" });
    const enabled = await state(coordinator.id);
    expect(enabled.disabledAt).toBeNull();
    expect(enabled.sessionVersion).toBe(disabled.sessionVersion);
    expect((await sessionsOf(coordinator.id))[0]!.revokedAt).toBeInstanceOf(Date);
    expect((await data.auditOf("user", coordinator.id)).map((e) => e.action)).toEqual(["user.disabled", "user.enabled"]);
  });

  it("leaves an active account as it is", async () => {
    const reviewer = await data.user("reviewer");
    expect(await enableAccount(admin, "staff", reviewer.id, ip)).toEqual({ ok: true, outcome: "unchanged" });
    expect(await data.auditOf("user", reviewer.id)).toEqual([]);
  });
});

describe("resetSecondFactor", () => {
  it("removes the secret, the last step and the recovery codes, ends every session and records auth.totp_reset without secrets", async () => {
    const reviewer = await enrolledReviewer();
    await openSessions(reviewer.id, 2);
    const before = await state(reviewer.id);
    expect(await resetSecondFactor(admin, reviewer.id, ip)).toEqual({ ok: true, outcome: "secondFactorReset" });
    expect(await state(reviewer.id)).toEqual({
      disabledAt: null,
      sessionVersion: before.sessionVersion + 1,
      totpSecretEncrypted: null,
      totpEnabledAt: null,
      totpLastStep: null,
    });
    expect(await getDb().select({ id: recoveryCodes.id }).from(recoveryCodes).where(eq(recoveryCodes.userId, reviewer.id))).toEqual([]);
    expect((await sessionsOf(reviewer.id)).every((s) => s.revokedAt instanceof Date)).toBe(true);
    const events = await data.auditOf("user", reviewer.id);
    expect(events).toEqual([{ action: "auth.totp_reset", actorId: admin.id, actorRole: "admin", ip, details: { role: "reviewer", wasEnrolled: true } }]);
    expect(JSON.stringify(events)).not.toContain("ciphertext");
  });

  it("refuses an administrator's own second factor, an account without one, and coordinators", async () => {
    expect(await resetSecondFactor(admin, admin.id, ip)).toEqual({ ok: false, error: "self" });
    const plain = await data.user("reviewer");
    expect(await resetSecondFactor(admin, plain.id, ip)).toEqual({ ok: false, error: "notEnrolled" });
    const coordinator = await data.user("coordinator", { totpSecretEncrypted: "v1.iv.ciphertext.tag", totpEnabledAt: new Date() });
    expect(await resetSecondFactor(admin, coordinator.id, ip)).toEqual({ ok: false, error: "notFound" });
    expect((await state(coordinator.id)).totpEnabledAt).toBeInstanceOf(Date);
  });
});

describe("changeStaffRole", () => {
  it("makes a reviewer an administrator and back, each change audited with both roles, without signing them out", async () => {
    const reviewer = await data.user("reviewer");
    const before = await state(reviewer.id);
    expect(await changeStaffRole(admin, reviewer.id, "admin", ip)).toEqual({ ok: true, outcome: "madeAdmin" });
    expect((await getDb().select({ role: users.role }).from(users).where(eq(users.id, reviewer.id)))[0]!.role).toBe("admin");
    expect(await changeStaffRole(admin, reviewer.id, "admin", ip)).toEqual({ ok: true, outcome: "unchanged" });
    expect(await changeStaffRole(admin, reviewer.id, "reviewer", ip)).toEqual({ ok: true, outcome: "madeReviewer" });
    expect((await state(reviewer.id)).sessionVersion).toBe(before.sessionVersion);
    expect((await data.auditOf("user", reviewer.id)).map((e) => [e.action, e.details])).toEqual([
      ["user.role_changed", { from: "reviewer", to: "admin" }],
      ["user.role_changed", { from: "admin", to: "reviewer" }],
    ]);
  });

  it("refuses an administrator's own role and coordinators", async () => {
    expect(await changeStaffRole(admin, admin.id, "reviewer", ip)).toEqual({ ok: false, error: "self" });
    const coordinator = await data.user("coordinator");
    expect(await changeStaffRole(admin, coordinator.id, "admin", ip)).toEqual({ ok: false, error: "notFound" });
    expect((await getDb().select({ role: users.role }).from(users).where(eq(users.id, coordinator.id)))[0]!.role).toBe("coordinator");
  });
});

describe("account lists", () => {
  it("lists staff only, with second factor and status, filtered in SQL by name or email and by status", async () => {
    const enrolled = await enrolledReviewer();
    const disabled = await data.user("admin");
    await disableAccount(admin, "staff", disabled.id, ip);
    const coordinator = await data.user("coordinator");
    const { rows } = await listStaffAccounts(admin, { q: data.token }, firstPage);
    const ids = rows.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([admin.id, enrolled.id, disabled.id]));
    expect(ids).not.toContain(coordinator.id);
    expect(rows.find((r) => r.id === enrolled.id)).toMatchObject({ role: "reviewer", secondFactor: true, disabledAt: null, lastSignInAt: null });
    expect(rows.find((r) => r.id === admin.id)).toMatchObject({ secondFactor: false });
    const onlyDisabled = await listStaffAccounts(admin, { q: data.token, status: "disabled" }, firstPage);
    expect(onlyDisabled.rows.map((r) => r.id)).toContain(disabled.id);
    expect(onlyDisabled.rows.every((r) => r.disabledAt instanceof Date)).toBe(true);
    expect(onlyDisabled.total).toBe(onlyDisabled.rows.length);
    const onlyActive = await listStaffAccounts(admin, { q: data.token, status: "active" }, firstPage);
    expect(onlyActive.rows.map((r) => r.id)).toEqual(expect.arrayContaining([admin.id, enrolled.id]));
    expect(onlyActive.rows.map((r) => r.id)).not.toContain(disabled.id);
    const byEmail = await listStaffAccounts(admin, { q: enrolled.email.toUpperCase() }, firstPage);
    expect(byEmail.rows.map((r) => r.id)).toEqual([enrolled.id]);
  });

  it("lists one organization's coordinators with its acronym, one page at a time", async () => {
    const organization = await data.organization();
    const mine = [await data.user("coordinator", { organizationId: organization.id }), await data.user("coordinator", { organizationId: organization.id }), await data.user("coordinator", { organizationId: organization.id })];
    const elsewhere = await data.user("coordinator");
    const page1 = await listCoordinatorAccounts(admin, "en", { q: "", organization: organization.id }, { ...firstPage, pageSize: 2 });
    const page2 = await listCoordinatorAccounts(admin, "en", { q: "", organization: organization.id }, { ...firstPage, pageSize: 2, page: 2 });
    expect(page1.total).toBe(3);
    expect([...page1.rows, ...page2.rows].map((r) => r.id).sort()).toEqual(mine.map((m) => m.id).sort());
    expect(page1.rows[0]).toMatchObject({ organizationAcronym: organization.acronym, organizationName: `Test organization ${data.token}` });
    const all = await listCoordinatorAccounts(admin, "en", { q: data.token }, firstPage);
    expect(all.rows.map((r) => r.id)).toContain(elsewhere.id);
    expect(all.rows.every((r) => r.role === "coordinator")).toBe(true);
  });
});

describe("permission, checked again by every data function", () => {
  it.each(["reviewer", "coordinator"] as const)("refuses a %s and changes nothing", async (role) => {
    const intruder = { id: "someone", role };
    const target = await data.user("coordinator");
    const staff = await enrolledReviewer();
    await expect(disableAccount(intruder, "coordinators", target.id, ip)).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(disableAccount(intruder, "staff", staff.id, ip)).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(enableAccount(intruder, "coordinators", target.id, ip)).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(resetSecondFactor(intruder, staff.id, ip)).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(changeStaffRole(intruder, staff.id, "admin", ip)).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(listStaffAccounts(intruder, { q: "" }, firstPage)).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(listCoordinatorAccounts(intruder, "en", { q: "" }, firstPage)).rejects.toBeInstanceOf(PermissionDeniedError);
    expect((await state(target.id)).disabledAt).toBeNull();
    expect((await state(staff.id)).totpEnabledAt).toBeInstanceOf(Date);
    expect(await data.auditOf("user", target.id)).toEqual([]);
    expect(await data.auditOf("user", staff.id)).toEqual([]);
  });
});

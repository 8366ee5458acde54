import { afterAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { closeDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { deviceOf, issueDeviceCookie } from "./device-cookie";
import { clearFailures, isLimited, limitKeys, recordFailure } from "./rate-limit";

afterAll(() => closeDb());

describe("rate limits", () => {
  it("locks an account after 5 failures within the window, and only that account", async () => {
    await migrateDatabase();
    const keys = limitKeys("sign-in", { account: `${randomUUID()}@example.org` });
    const other = limitKeys("sign-in", { account: `${randomUUID()}@example.org` });
    for (let i = 0; i < 4; i++) expect(await recordFailure(keys)).toEqual([]);
    expect(await isLimited(keys)).toBe(false);
    expect(await recordFailure(keys)).toEqual([keys[0]!.key]);
    expect(await isLimited(keys)).toBe(true);
    expect(await isLimited(other)).toBe(false);
  });

  it("does not let a success lift a lock that is in force", async () => {
    const keys = limitKeys("second-factor", { account: `${randomUUID()}@example.org` });
    for (let i = 0; i < 5; i++) await recordFailure(keys);
    await clearFailures(keys);
    expect(await isLimited(keys)).toBe(true);
  });

  it("starts the account count again after a success", async () => {
    const keys = limitKeys("sign-in", { account: `${randomUUID()}@example.org` });
    for (let i = 0; i < 4; i++) await recordFailure(keys);
    await clearFailures(keys);
    for (let i = 0; i < 4; i++) await recordFailure(keys);
    expect(await isLimited(keys)).toBe(false);
  });

  it("allows an address many more failures than an account, then locks it too", async () => {
    const ip = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.7`;
    const keys = limitKeys("password-reset", { ip });
    for (let i = 0; i < 49; i++) await recordFailure(keys);
    expect(await isLimited(keys)).toBe(false);
    await recordFailure(keys);
    expect(await isLimited(keys)).toBe(true);
  });

  it("treats the account's spelling case-insensitively and stores no address", () => {
    const [a] = limitKeys("sign-in", { account: "Someone@Example.org" });
    const [b] = limitKeys("sign-in", { account: "someone@example.org " });
    expect(a!.key).toBe(b!.key);
    expect(a!.key).not.toContain("example");
  });

  describe("with a device cookie", () => {
    async function lockedAccount() {
      const account = `${randomUUID()}@example.org`;
      for (let i = 0; i < 5; i++) await recordFailure(limitKeys("sign-in", { account }));
      expect(await isLimited(limitKeys("sign-in", { account }))).toBe(true);
      return account;
    }
    const keysWith = (account: string, cookie: string | undefined) => limitKeys("sign-in", { account, device: deviceOf(cookie, account) });

    it("lets a device the account signed in from try despite the account's lock", async () => {
      const account = await lockedAccount();
      expect(await isLimited(keysWith(account, issueDeviceCookie(account)))).toBe(false);
      // Spelt differently, the account is the same.
      expect(await isLimited(keysWith(account.toUpperCase(), issueDeviceCookie(account)))).toBe(false);
    });

    it("does not for a cookie of another account, a forged or a tampered one", async () => {
      const account = await lockedAccount();
      const genuine = issueDeviceCookie(account);
      const [version, iv, tag, ciphertext] = genuine.split(".");
      const tampered = [version, iv, tag, `${ciphertext!.slice(0, -2)}AA`].join(".");
      const forged = Buffer.from(`${"0".repeat(64)}.device`).toString("base64url");
      for (const cookie of [issueDeviceCookie(`${randomUUID()}@example.org`), tampered, forged, "", undefined]) {
        expect(await isLimited(keysWith(account, cookie))).toBe(true);
      }
    });

    it("locks only that device after 5 failures, not the account nor another device", async () => {
      const account = `${randomUUID()}@example.org`;
      const [laptop, phone] = [issueDeviceCookie(account), issueDeviceCookie(account)];
      for (let i = 0; i < 4; i++) expect(await recordFailure(keysWith(account, laptop))).toEqual([]);
      const [deviceKey] = keysWith(account, laptop);
      expect(deviceKey!.key).toMatch(/^sign-in:device:/);
      expect(await recordFailure(keysWith(account, laptop))).toEqual([deviceKey!.key]);
      expect(await isLimited(keysWith(account, laptop))).toBe(true);
      expect(await isLimited(keysWith(account, phone))).toBe(false);
      expect(await isLimited(limitKeys("sign-in", { account }))).toBe(false);
    });

    it("starts the device's count again after a success", async () => {
      const account = `${randomUUID()}@example.org`;
      const keys = keysWith(account, issueDeviceCookie(account));
      for (let i = 0; i < 4; i++) await recordFailure(keys);
      await clearFailures(keys);
      for (let i = 0; i < 4; i++) await recordFailure(keys);
      expect(await isLimited(keys)).toBe(false);
    });
  });
});

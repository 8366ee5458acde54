import { afterAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { closeDb } from "@/db";
import { migrateDatabase } from "@/db/migrate";
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
});

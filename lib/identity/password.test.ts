import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("produces an argon2id hash that verifies the right password only", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(hash).not.toContain("correct horse");
    await expect(verifyPassword(hash, "correct horse battery staple")).resolves.toBe(true);
    await expect(verifyPassword(hash, "correct horse battery stapl")).resolves.toBe(false);
    await expect(verifyPassword(hash, "Correct horse battery staple")).resolves.toBe(false);
    await expect(verifyPassword(hash, "")).resolves.toBe(false);
  });

  it("salts: the same password hashes differently each time, and both verify", async () => {
    const [a, b] = await Promise.all([hashPassword("same password"), hashPassword("same password")]);
    expect(a).not.toBe(b);
    await expect(verifyPassword(a, "same password")).resolves.toBe(true);
    await expect(verifyPassword(b, "same password")).resolves.toBe(true);
  });

  it("handles non-ASCII passwords", async () => {
    const hash = await hashPassword("Saýlaw-Выборы-2026");
    await expect(verifyPassword(hash, "Saýlaw-Выборы-2026")).resolves.toBe(true);
    await expect(verifyPassword(hash, "Saylaw-Выборы-2026")).resolves.toBe(false);
  });

  it("answers false, without throwing, when there is no hash (unknown account)", async () => {
    await expect(verifyPassword(null, "anything")).resolves.toBe(false);
    await expect(verifyPassword(null, "")).resolves.toBe(false);
  });

  it("answers false when there is no hash even for the password of the internal timing dummy", async () => {
    // An account without a password (passwordHash null) must never be signed in to.
    await expect(verifyPassword(null, "no account has this password")).resolves.toBe(false);
  });

  it.each(["", "not a hash", "$argon2id$", "$argon2id$v=19$m=19456,t=2,p=1$", "$2b$10$abcdefghijklmnopqrstuuvwxyz0123456789ABCDEFGHIJKLMNOP"])(
    "answers false, without throwing, for the malformed hash %j",
    async (malformed) => {
      await expect(verifyPassword(malformed, "anything")).resolves.toBe(false);
    },
  );

  it("answers false for a truncated real hash", async () => {
    const hash = await hashPassword("pw");
    await expect(verifyPassword(hash.slice(0, -10), "pw")).resolves.toBe(false);
  });
});

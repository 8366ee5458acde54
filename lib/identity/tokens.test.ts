import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashLinkToken, isWellFormedToken, newLinkToken } from "./tokens";

describe("link tokens", () => {
  it("are 32 random bytes in base64url (43 characters), different every time", () => {
    const tokens = Array.from({ length: 50 }, () => newLinkToken().token);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, "base64url")).toHaveLength(32);
    }
    expect(new Set(tokens).size).toBe(50);
  });

  it("come with their SHA-256 in hex, which is all the database keeps", () => {
    const { token, tokenHash } = newLinkToken();
    expect(tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash).not.toContain(token);
    expect(hashLinkToken(token)).toBe(tokenHash);
  });

  it("hash exactly: one changed character gives another hash", () => {
    const { token, tokenHash } = newLinkToken();
    const altered = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect(hashLinkToken(altered)).not.toBe(tokenHash);
  });

  it("are looked up only when well formed", () => {
    expect(isWellFormedToken(newLinkToken().token)).toBe(true);
    expect(isWellFormedToken("")).toBe(false);
    expect(isWellFormedToken("A".repeat(42))).toBe(false);
    expect(isWellFormedToken("A".repeat(44))).toBe(false);
    expect(isWellFormedToken(`${"A".repeat(42)}=`)).toBe(false);
    expect(isWellFormedToken(`${"A".repeat(42)}/`)).toBe(false);
    expect(isWellFormedToken(`${"A".repeat(21)}%2F${"A".repeat(19)}`)).toBe(false);
  });
});

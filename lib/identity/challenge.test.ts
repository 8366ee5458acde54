import { describe, expect, it } from "vitest";
import { issueChallenge, readChallenge } from "./challenge";

const key = "k".repeat(48);

describe("second-factor challenge", () => {
  it("names the user and session version it was issued for", () => {
    expect(readChallenge(issueChallenge("user-1", 4, key), key)).toEqual({ userId: "user-1", sessionVersion: 4 });
  });

  it("expires after five minutes", () => {
    const issued = Date.now();
    const token = issueChallenge("user-1", 4, key, issued);
    expect(readChallenge(token, key, issued + 4 * 60_000)).not.toBeNull();
    expect(readChallenge(token, key, issued + 5 * 60_000 + 1)).toBeNull();
  });

  it("is worthless when forged, altered or signed with another key", () => {
    const token = issueChallenge("user-1", 4, key);
    const [payload, signature] = token.split(".");
    const altered = Buffer.from(JSON.stringify({ userId: "admin", sessionVersion: 4, expiresAt: Date.now() + 60_000 })).toString("base64url");
    expect(readChallenge(`${altered}.${signature}`, key)).toBeNull();
    expect(readChallenge(token, "other".repeat(10))).toBeNull();
    expect(readChallenge(`${payload}.`, key)).toBeNull();
    expect(readChallenge(undefined, key)).toBeNull();
    expect(readChallenge("garbage", key)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { INVITATION_VALID_FOR_MS, isUsable, ownAccessState, unusableReason } from "./invitation-state";

const now = new Date("2027-01-10T12:00:00Z");
const link = (over: Partial<{ expiresAt: Date; openedAt: Date | null; acceptedAt: Date | null; revokedAt: Date | null }> = {}) => ({
  expiresAt: new Date(now.getTime() + 1000),
  openedAt: null,
  acceptedAt: null,
  revokedAt: null,
  ...over,
});
const noAccount = { hasAccount: false, selfCompletedAt: null };

describe("ownAccessState", () => {
  it("follows invited → opened → joined → completed", () => {
    expect(ownAccessState(noAccount, null, now)).toBe("notInvited");
    expect(ownAccessState(noAccount, link(), now)).toBe("invited");
    expect(ownAccessState(noAccount, link({ openedAt: now }), now)).toBe("opened");
    expect(ownAccessState({ hasAccount: true, selfCompletedAt: null }, link({ acceptedAt: now }), now)).toBe("joined");
    expect(ownAccessState({ hasAccount: true, selfCompletedAt: now }, link({ acceptedAt: now }), now)).toBe("completed");
  });

  it("says when the latest link was revoked or ran out", () => {
    expect(ownAccessState(noAccount, link({ revokedAt: now }), now)).toBe("revoked");
    expect(ownAccessState(noAccount, link({ expiresAt: now }), now)).toBe("expired");
  });

  it("keeps an account's state whatever became of the link", () => {
    expect(ownAccessState({ hasAccount: true, selfCompletedAt: null }, link({ revokedAt: now }), now)).toBe("joined");
  });
});

describe("links", () => {
  it("last fourteen days", () => {
    expect(INVITATION_VALID_FOR_MS).toBe(14 * 24 * 3600 * 1000);
  });

  it("work once, until revoked or expired", () => {
    expect(isUsable(link(), now)).toBe(true);
    expect(isUsable(link({ acceptedAt: now }), now)).toBe(false);
    expect(isUsable(link({ revokedAt: now }), now)).toBe(false);
    expect(isUsable(link({ expiresAt: now }), now)).toBe(false);
    expect(unusableReason(link({ acceptedAt: now, revokedAt: now }))).toBe("used");
    expect(unusableReason(link({ revokedAt: now }))).toBe("revoked");
    expect(unusableReason(link({ expiresAt: now }))).toBe("expired");
  });
});

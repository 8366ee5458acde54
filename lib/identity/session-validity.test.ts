import { describe, expect, it } from "vitest";
import { isSessionCurrent } from "./session-validity";

describe("isSessionCurrent", () => {
  const active = { disabledAt: null, sessionVersion: 3 };

  it("honours a cookie issued at the user's current session version", () => {
    expect(isSessionCurrent(3, active)).toBe(true);
  });

  it("signs out a user whose session version was bumped (sign out everywhere, password change)", () => {
    expect(isSessionCurrent(2, active)).toBe(false);
  });

  it("signs out a disabled user at once", () => {
    expect(isSessionCurrent(3, { disabledAt: new Date(), sessionVersion: 3 })).toBe(false);
  });

  it("signs out a deleted user and a cookie without a version", () => {
    expect(isSessionCurrent(3, null)).toBe(false);
    expect(isSessionCurrent(undefined, active)).toBe(false);
  });
});

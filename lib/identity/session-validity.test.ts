import { describe, expect, it } from "vitest";
import { ABSOLUTE_LIMIT_MS, IDLE_LIMIT_MS, sessionEnd } from "./session-validity";

const now = new Date("2026-11-22T12:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const coordinator = { role: "coordinator", disabledAt: null, sessionVersion: 3 };
const reviewer = { ...coordinator, role: "reviewer" };
const fresh = { createdAt: ago(60_000), lastSeenAt: ago(1_000), revokedAt: null };

describe("sessionEnd", () => {
  it("honours a live session at the user's current version", () => {
    expect(sessionEnd(3, coordinator, fresh, now)).toBeNull();
  });

  it("ends the session of a user whose version was bumped, who was disabled or deleted", () => {
    expect(sessionEnd(2, coordinator, fresh, now)).toBe("version");
    expect(sessionEnd(undefined, coordinator, fresh, now)).toBe("version");
    expect(sessionEnd(3, { ...coordinator, disabledAt: ago(1) }, fresh, now)).toBe("disabled");
    expect(sessionEnd(3, null, fresh, now)).toBe("no-user");
  });

  it("ends a revoked or missing session row", () => {
    expect(sessionEnd(3, coordinator, { ...fresh, revokedAt: ago(1) }, now)).toBe("revoked");
    expect(sessionEnd(3, coordinator, null, now)).toBe("no-session");
  });

  it("holds staff to 30 idle minutes and missions to 12 hours", () => {
    const idle31 = { ...fresh, lastSeenAt: ago(IDLE_LIMIT_MS.staff + 60_000) };
    expect(sessionEnd(3, reviewer, idle31, now)).toBe("idle");
    expect(sessionEnd(3, { ...reviewer, role: "admin" }, idle31, now)).toBe("idle");
    expect(sessionEnd(3, coordinator, idle31, now)).toBeNull();
    expect(sessionEnd(3, coordinator, { ...fresh, lastSeenAt: ago(IDLE_LIMIT_MS.mission + 60_000) }, now)).toBe("idle");
    expect(sessionEnd(3, reviewer, { ...fresh, lastSeenAt: ago(IDLE_LIMIT_MS.staff - 60_000) }, now)).toBeNull();
  });

  it("ends every session 24 hours after sign-in, however active", () => {
    const old = { ...fresh, createdAt: ago(ABSOLUTE_LIMIT_MS + 1) };
    expect(sessionEnd(3, coordinator, old, now)).toBe("expired");
    expect(sessionEnd(3, coordinator, { ...old, createdAt: ago(ABSOLUTE_LIMIT_MS - 60_000) }, now)).toBeNull();
  });
});

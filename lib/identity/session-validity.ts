/** How long a session may sit unused: staff are held to a tighter limit than missions. */
export const IDLE_LIMIT_MS = { staff: 30 * 60_000, mission: 12 * 60 * 60_000 } as const;
/** However active, a session ends this long after sign-in. */
export const ABSOLUTE_LIMIT_MS = 24 * 60 * 60_000;

export type SessionEnd = "no-user" | "disabled" | "version" | "no-session" | "revoked" | "idle" | "expired";

type UserState = { role: string; disabledAt: Date | null; sessionVersion: number };
type SessionState = { createdAt: Date; lastSeenAt: Date; revokedAt: Date | null };

/**
 * Why a session cookie is no longer honoured, or null while it is: its user must exist, be
 * enabled and still have the session version the cookie was issued with (bumped by "sign out
 * everywhere", a password change or a second-factor reset); its session row must not be
 * revoked, idle too long or older than the absolute lifetime.
 */
export function sessionEnd(issuedVersion: unknown, user: UserState | null, session: SessionState | null, now = new Date()): SessionEnd | null {
  if (!user) return "no-user";
  if (user.disabledAt) return "disabled";
  if (user.sessionVersion !== issuedVersion) return "version";
  if (!session) return "no-session";
  if (session.revokedAt) return "revoked";
  const idleLimit = user.role === "reviewer" || user.role === "admin" ? IDLE_LIMIT_MS.staff : IDLE_LIMIT_MS.mission;
  if (now.getTime() - session.lastSeenAt.getTime() > idleLimit) return "idle";
  if (now.getTime() - session.createdAt.getTime() > ABSOLUTE_LIMIT_MS) return "expired";
  return null;
}

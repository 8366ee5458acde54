/**
 * Where an observer stands with their own access, as the coordinator's list shows it. Pure, so
 * the list and the observer page agree and the order of the steps is tested once.
 */
export type OwnAccessState = "notInvited" | "invited" | "opened" | "joined" | "completed" | "expired" | "revoked";

export type LatestInvitation = { expiresAt: Date; openedAt: Date | null; acceptedAt: Date | null; revokedAt: Date | null } | null;

export const INVITATION_VALID_FOR_MS = 14 * 24 * 60 * 60_000;

export function ownAccessState(observer: { hasAccount: boolean; selfCompletedAt: Date | null }, latest: LatestInvitation, now = new Date()): OwnAccessState {
  // An account outlives its invitation: what the observer did counts, not the link.
  if (observer.hasAccount) return observer.selfCompletedAt ? "completed" : "joined";
  if (!latest) return "notInvited";
  if (latest.revokedAt) return "revoked";
  if (latest.expiresAt <= now) return "expired";
  return latest.openedAt ? "opened" : "invited";
}

/** Whether a link is still good for creating or linking an account. */
export function isUsable(invitation: { expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null }, now = new Date()) {
  return !invitation.acceptedAt && !invitation.revokedAt && invitation.expiresAt > now;
}

/** What a link that no longer works says: used, revoked (or replaced) or expired. */
export function unusableReason(invitation: { expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null }): "used" | "revoked" | "expired" {
  if (invitation.acceptedAt) return "used";
  if (invitation.revokedAt) return "revoked";
  return "expired";
}

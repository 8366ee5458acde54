/** Every kind of audit event the portal writes. Later domains add theirs here. */
export const auditActions = [
  "auth.signed_in",
  "auth.sign_in_failed",
  "auth.signed_out",
  "auth.signed_out_everywhere",
  "auth.locked_out",
  "auth.totp_enrolled",
  "auth.totp_reset",
  "auth.recovery_code_used",
  "invitation.sent",
  "invitation.accepted",
  "invitation.revoked",
  "password.reset_requested",
  "password.reset",
  "password.changed",
  "user.disabled",
  "user.enabled",
  "user.role_changed",
  "organization.created",
  "organization.updated",
  "election.created",
  "election.updated",
] as const;

export type AuditAction = (typeof auditActions)[number];

import { can, type Permission, type Role } from "./permissions";

/** Thrown by a data function called for someone without the permission (a bug in the caller). */
export class PermissionDeniedError extends Error {
  constructor(readonly permission: Permission) {
    super(`permission denied: ${permission}`);
    this.name = "PermissionDeniedError";
  }
}

/**
 * Data functions check the permission again, whoever called them: a Server Action's own check
 * guards the request, this one guards the function (defence in depth).
 */
export function assertPermission(actor: { role: Role }, permission: Permission): void {
  if (!can(actor.role, permission)) throw new PermissionDeniedError(permission);
}

import type { roles } from "@/db/schema/identity";

export type Role = (typeof roles)[number];

/**
 * Who may do what. Server code asks `can`; client code may use it only to hide controls.
 * Later domains add their permissions here (e.g. 'decide:observer', 'publish:statement').
 */
const permissionMap = {
  "enter:coordinator-workspace": ["coordinator"],
  "enter:commission-workspace": ["reviewer", "admin"],
  "apply:accreditation": ["coordinator"],
  "review:applications": ["reviewer", "admin"],
  "decide:observer": ["reviewer", "admin"],
  "export:accredited": ["reviewer", "admin"],
  "manage:organizations": ["admin"],
  "manage:elections": ["admin"],
  "manage:staff": ["admin"],
  "manage:coordinators": ["admin"],
  "invite:users": ["admin"],
  "view:outbox": ["admin"],
  "view:audit-log": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissionMap;

export function can(role: Role, permission: Permission): boolean {
  return (permissionMap[permission] as readonly Role[]).includes(role);
}

/** Where a role lands after signing in. */
export function workspaceOf(role: Role): "/portal" | "/commission" | "/" {
  if (can(role, "enter:commission-workspace")) return "/commission";
  if (can(role, "enter:coordinator-workspace")) return "/portal";
  return "/";
}

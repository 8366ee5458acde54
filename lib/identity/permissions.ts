import type { roles } from "@/db/schema/identity";

export type Role = (typeof roles)[number];

/**
 * Who may do what. Server code asks `can`; client code may use it only to hide controls.
 * Later domains add their permissions here (e.g. 'decide:observer', 'publish:statement').
 */
const permissionMap = {
  "enter:coordinator-workspace": ["coordinator"],
  "enter:commission-workspace": ["reviewer", "admin"],
  "enter:observer-workspace": ["observer"],
  /** Only ever on the observer's own record: the data functions scope by the verified account. */
  "complete:own-record": ["observer"],
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
  "manage:meeting-resources": ["admin"],
  "request:meetings": ["coordinator"],
  "schedule:meetings": ["reviewer", "admin"],
  "draft:statements": ["coordinator"],
  "publish:statement": ["reviewer", "admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissionMap;

export function can(role: Role, permission: Permission): boolean {
  return (permissionMap[permission] as readonly Role[]).includes(role);
}

/** Where a role lands after signing in. */
export function workspaceOf(role: Role): "/portal" | "/commission" | "/me" | "/" {
  if (can(role, "enter:commission-workspace")) return "/commission";
  if (can(role, "enter:coordinator-workspace")) return "/portal";
  if (can(role, "enter:observer-workspace")) return "/me";
  return "/";
}

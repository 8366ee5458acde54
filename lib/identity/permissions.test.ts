import { describe, expect, it } from "vitest";
import { roles } from "@/db/schema/identity";
import { can, workspaceOf, type Permission, type Role } from "./permissions";

const adminOnly = {
  "manage:organizations": true,
  "manage:elections": true,
  "manage:staff": true,
  "manage:coordinators": true,
  "invite:users": true,
  "view:outbox": true,
  "view:audit-log": true,
  "manage:meeting-resources": true,
} as const;
const noAdmin = Object.fromEntries(Object.keys(adminOnly).map((p) => [p, false])) as Record<keyof typeof adminOnly, false>;

const staff = { "review:applications": true, "decide:observer": true, "export:accredited": true, "schedule:meetings": true, "publish:statement": true } as const;
const noStaff = { "review:applications": false, "decide:observer": false, "export:accredited": false, "schedule:meetings": false, "publish:statement": false } as const;

const noObserver = { "enter:observer-workspace": false, "complete:own-record": false } as const;

const expected: Record<Role, Record<Permission, boolean>> = {
  coordinator: { ...noObserver, "enter:coordinator-workspace": true, "enter:commission-workspace": false, "apply:accreditation": true, "request:meetings": true, "draft:statements": true, ...noStaff, ...noAdmin },
  observer: { "enter:observer-workspace": true, "complete:own-record": true, "enter:coordinator-workspace": false, "enter:commission-workspace": false, "apply:accreditation": false, "request:meetings": false, "draft:statements": false, ...noStaff, ...noAdmin },
  reviewer: { ...noObserver, "enter:coordinator-workspace": false, "enter:commission-workspace": true, "apply:accreditation": false, "request:meetings": false, "draft:statements": false, ...staff, ...noAdmin },
  admin: { ...noObserver, "enter:coordinator-workspace": false, "enter:commission-workspace": true, "apply:accreditation": false, "request:meetings": false, "draft:statements": false, ...staff, ...adminOnly },
};

describe("can", () => {
  it("the table covers every role of the schema", () => {
    expect(Object.keys(expected).sort()).toEqual([...roles].sort());
  });

  const cases = roles.flatMap((role) =>
    (Object.keys(expected[role]) as Permission[]).map((permission) => [role, permission, expected[role][permission]] as const),
  );

  it.each(cases)("%s / %s → %s", (role, permission, allowed) => {
    expect(can(role, permission)).toBe(allowed);
  });

  it("denies a role it does not know", () => {
    expect(can("guest" as Role, "enter:commission-workspace")).toBe(false);
    expect(can("guest" as Role, "enter:coordinator-workspace")).toBe(false);
  });
});

describe("workspaceOf", () => {
  it.each([
    ["coordinator", "/portal"],
    ["reviewer", "/commission"],
    ["admin", "/commission"],
    ["observer", "/me"],
  ] as const)("%s lands on %s", (role, workspace) => {
    expect(workspaceOf(role)).toBe(workspace);
  });
});

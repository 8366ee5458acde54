import { describe, expect, it } from "vitest";
import { roles } from "@/db/schema/identity";
import type { Role } from "@/lib/identity/permissions";
import { applicationLifecycle, observerLifecycle, type Lifecycle } from "./transitions";

/**
 * Every allowed (status, event, role) triple, written out by hand with its target. Anything
 * not listed here must be refused: the tests walk the full product of statuses × events × roles.
 */
const allowedApplicationMoves = [
  ["draft", "submit", "coordinator", "submitted"],
  ["draft", "withdraw", "coordinator", "withdrawn"],
  ["submitted", "request_changes", "reviewer", "changes_requested"],
  ["submitted", "request_changes", "admin", "changes_requested"],
  ["submitted", "approve", "reviewer", "approved"],
  ["submitted", "approve", "admin", "approved"],
  ["submitted", "reject", "reviewer", "rejected"],
  ["submitted", "reject", "admin", "rejected"],
  ["submitted", "withdraw", "coordinator", "withdrawn"],
  ["changes_requested", "resubmit", "coordinator", "submitted"],
  ["changes_requested", "withdraw", "coordinator", "withdrawn"],
] as const;

const allowedObserverMoves = [
  ["pending", "accredit", "reviewer", "accredited"],
  ["pending", "accredit", "admin", "accredited"],
  ["pending", "refuse", "reviewer", "refused"],
  ["pending", "refuse", "admin", "refused"],
  ["pending", "withdraw", "coordinator", "withdrawn"],
  ["accredited", "revoke", "reviewer", "revoked"],
  ["accredited", "revoke", "admin", "revoked"],
  ["accredited", "withdraw", "coordinator", "withdrawn"],
] as const;

/** Every (status, event, role) with the target the table expects, or null for a refusal. */
function everyTriple<S extends string, E extends string>(
  machine: Lifecycle<S, E>,
  allowed: readonly (readonly [S, E, Role, S])[],
): [S, E, Role, S | null][] {
  const expected = new Map(allowed.map(([status, event, role, to]) => [`${status} ${event} ${role}`, to]));
  return machine.statuses.flatMap((status) =>
    machine.events.flatMap((event) =>
      roles.map((role): [S, E, Role, S | null] => [status, event, role, expected.get(`${status} ${event} ${role}`) ?? null]),
    ),
  );
}

describe("applicationLifecycle", () => {
  const triples = everyTriple(applicationLifecycle, allowedApplicationMoves);

  it("is checked over all 6 statuses × 6 events × 4 roles, 11 of them allowed", () => {
    expect(triples).toHaveLength(6 * 6 * 4);
    expect(triples.filter(([, , , to]) => to !== null)).toHaveLength(allowedApplicationMoves.length);
  });

  it.each(triples)("%s --%s--> by %s: %s", (status, event, role, to) => {
    expect(applicationLifecycle.canTransition(status, event, role)).toBe(to !== null);
    if (to !== null) expect(applicationLifecycle.nextStatus(status, event)).toBe(to);
  });

  it("has no target for an event that does not apply, whoever asks", () => {
    expect(applicationLifecycle.nextStatus("approved", "withdraw")).toBeNull();
    expect(applicationLifecycle.nextStatus("draft", "approve")).toBeNull();
    expect(applicationLifecycle.nextStatus("rejected", "resubmit")).toBeNull();
    expect(applicationLifecycle.nextStatus("withdrawn", "submit")).toBeNull();
  });

  it("leaves approved, rejected and withdrawn applications final for everyone", () => {
    for (const status of ["approved", "rejected", "withdrawn"] as const) {
      for (const role of roles) expect(applicationLifecycle.eventsFor(status, role)).toEqual([]);
    }
  });

  it("offers each side only its own buttons", () => {
    expect(applicationLifecycle.eventsFor("submitted", "reviewer")).toEqual(["request_changes", "approve", "reject"]);
    expect(applicationLifecycle.eventsFor("submitted", "coordinator")).toEqual(["withdraw"]);
    expect(applicationLifecycle.eventsFor("changes_requested", "coordinator")).toEqual(["resubmit", "withdraw"]);
    expect(applicationLifecycle.eventsFor("draft", "observer")).toEqual([]);
  });
});

describe("observerLifecycle", () => {
  const triples = everyTriple(observerLifecycle, allowedObserverMoves);

  it("is checked over all 5 statuses × 4 events × 4 roles, 8 of them allowed", () => {
    expect(triples).toHaveLength(5 * 4 * 4);
    expect(triples.filter(([, , , to]) => to !== null)).toHaveLength(allowedObserverMoves.length);
  });

  it.each(triples)("%s --%s--> by %s: %s", (status, event, role, to) => {
    expect(observerLifecycle.canTransition(status, event, role)).toBe(to !== null);
    if (to !== null) expect(observerLifecycle.nextStatus(status, event)).toBe(to);
  });

  it("keeps refused, revoked and withdrawn observers final", () => {
    for (const status of ["refused", "revoked", "withdrawn"] as const) {
      for (const role of roles) expect(observerLifecycle.eventsFor(status, role)).toEqual([]);
    }
  });
});

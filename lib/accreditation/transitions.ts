import type { Role } from "@/lib/identity/permissions";

/**
 * The one place that says how an application and an observer move from status to status, and
 * who may move them. Server Actions ask it before every status change; the UI asks it which
 * buttons to show. Each event has exactly one target, whatever status it starts from.
 */

type Transition<Status extends string> = {
  from: readonly Status[];
  to: Status;
  by: readonly Role[];
};

export type Lifecycle<Status extends string, Event extends string> = {
  statuses: readonly Status[];
  events: readonly Event[];
  /** The status after `event`, or null when `event` does not apply to `from`. */
  nextStatus(from: Status, event: Event): Status | null;
  /** Whether an actor of `role` may apply `event` to something in status `from`. */
  canTransition(from: Status, event: Event, role: Role): boolean;
  /** The events an actor of `role` may apply now, in the table's order. */
  eventsFor(from: Status, role: Role): Event[];
};

export function lifecycle<Status extends string, Event extends string>(
  statuses: readonly Status[],
  table: Record<Event, Transition<Status>>,
): Lifecycle<Status, Event> {
  const events = Object.keys(table) as Event[];
  const nextStatus = (from: Status, event: Event) => (table[event].from.includes(from) ? table[event].to : null);
  const canTransition = (from: Status, event: Event, role: Role) =>
    nextStatus(from, event) !== null && table[event].by.includes(role);
  return {
    statuses,
    events,
    nextStatus,
    canTransition,
    eventsFor: (from, role) => events.filter((event) => canTransition(from, event, role)),
  };
}

const coordinator = ["coordinator"] as const;
const staff = ["reviewer", "admin"] as const;

export const applicationStatuses = ["draft", "submitted", "changes_requested", "approved", "rejected", "withdrawn"] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
export type ApplicationEvent = "submit" | "resubmit" | "request_changes" | "approve" | "reject" | "withdraw";

/** A mission's application: the coordinator proposes, the commission decides, and may ask for changes first. */
export const applicationLifecycle = lifecycle<ApplicationStatus, ApplicationEvent>(applicationStatuses, {
  submit: { from: ["draft"], to: "submitted", by: coordinator },
  resubmit: { from: ["changes_requested"], to: "submitted", by: coordinator },
  request_changes: { from: ["submitted"], to: "changes_requested", by: staff },
  approve: { from: ["submitted"], to: "approved", by: staff },
  reject: { from: ["submitted"], to: "rejected", by: staff },
  // Only before a decision: after it, the coordinator withdraws observers one by one.
  withdraw: { from: ["draft", "submitted", "changes_requested"], to: "withdrawn", by: coordinator },
});

export const observerStatuses = ["pending", "accredited", "refused", "revoked", "withdrawn"] as const;
export type ObserverStatus = (typeof observerStatuses)[number];
export type ObserverEvent = "accredit" | "refuse" | "revoke" | "withdraw";

/** One observer's accreditation; a refusal or revocation carries a reason the coordinator sees. */
export const observerLifecycle = lifecycle<ObserverStatus, ObserverEvent>(observerStatuses, {
  accredit: { from: ["pending"], to: "accredited", by: staff },
  refuse: { from: ["pending"], to: "refused", by: staff },
  revoke: { from: ["accredited"], to: "revoked", by: staff },
  // Withdrawing an accredited observer ends their badge's validity.
  withdraw: { from: ["pending", "accredited"], to: "withdrawn", by: coordinator },
});

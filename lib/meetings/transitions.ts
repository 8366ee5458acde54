import { lifecycle } from "@/lib/accreditation/transitions";

export const meetingStatuses = ["requested", "proposed", "confirmed", "declined", "cancelled", "expired", "held", "not_held"] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];
export type MeetingEvent = "confirm" | "propose" | "accept" | "decline" | "cancel" | "ask_new_time" | "expire" | "mark_held" | "mark_not_held";

const coordinator = ["coordinator"] as const;
const staff = ["reviewer", "admin"] as const;
const everyone = ["coordinator", "reviewer", "admin"] as const;

/**
 * A meeting's life: the mission requests, the commission confirms one window or proposes other
 * times (which either side may also do to a confirmed meeting: a new proposal replaces the slot);
 * the coordinator accepts a proposal or declines it, or asks for a new time (back to staff with new
 * preferred times). Either side cancels. Expiry is the system's, on the undecided.
 */
export const meetingLifecycle = lifecycle<MeetingStatus, MeetingEvent>(meetingStatuses, {
  confirm: { from: ["requested", "proposed"], to: "confirmed", by: staff },
  propose: { from: ["requested", "proposed", "confirmed"], to: "proposed", by: staff },
  accept: { from: ["proposed"], to: "confirmed", by: coordinator },
  decline: { from: ["proposed"], to: "declined", by: coordinator },
  cancel: { from: ["requested", "proposed", "confirmed"], to: "cancelled", by: everyone },
  ask_new_time: { from: ["proposed", "confirmed"], to: "requested", by: coordinator },
  expire: { from: ["requested", "proposed"], to: "expired", by: [] },
  mark_held: { from: ["confirmed"], to: "held", by: staff },
  mark_not_held: { from: ["confirmed"], to: "not_held", by: staff },
});

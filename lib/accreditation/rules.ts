import { electionPhase } from "@/lib/elections/phase";
import type { ApplicationStatus, ObserverStatus } from "./transitions";

/**
 * What a coordinator may change, and when. Statuses move only through transitions.ts; these
 * rules say which edits each status allows.
 */

/** The application is the coordinator's to change: before the first submission, or when asked to. */
export const isEditable = (status: ApplicationStatus) => status === "draft" || status === "changes_requested";

/** After approval, new observers go to the commission one by one, as amendments. */
export const acceptsAmendments = (status: ApplicationStatus) => status === "approved";

/** A pending observer of an editable application can still be corrected or taken off the list. */
export const isObserverEditable = (application: ApplicationStatus, observer: ObserverStatus) =>
  isEditable(application) && observer === "pending";

type AccreditationWindow = { electionDay: string; accreditationOpensAt: Date; accreditationClosesAt: Date };

/**
 * Starting, first submission and amendments need the accreditation window open; answering the
 * commission's questions (resubmission) is allowed until election day.
 */
export function windowAllows(action: "start" | "submit" | "resubmit" | "amend", election: AccreditationWindow, now = new Date()) {
  const phase = electionPhase(election, now);
  if (action === "resubmit") return phase !== "held";
  return phase === "accreditationOpen";
}

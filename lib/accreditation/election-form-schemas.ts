import { withComparisons } from "@/lib/forms";
import { checkMissionDates, checkObserverDates, coordinatorErrors, observerDateFields, type ElectionDates } from "./intake";
import { missionDetailsSchema } from "./mission-schema";
import { observerSchema } from "./observer-schema";

/**
 * The schemas of the forms whose dates are checked against the election's: each field's format
 * and, in the same round, the intake rules that compare the dates. The browser and the Server
 * Action build them from the same election; the change's transaction checks again.
 */

/** The coordinator's observer form, and each row of the observers import. */
export const observerFormSchema = (election: ElectionDates) =>
  withComparisons(observerSchema, observerDateFields, (dates) => coordinatorErrors(checkObserverDates(dates, election)));

/** The mission-details step. */
export const missionDetailsFormSchema = (election: ElectionDates) =>
  withComparisons(missionDetailsSchema, ["plannedArrivalOn", "plannedDepartureOn"], (dates) => coordinatorErrors(checkMissionDates(dates, election)));

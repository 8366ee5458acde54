/**
 * The intake checks' message keys (lib/accreditation/intake.ts), in a module of their own so that
 * lib/forms.ts can accept them as field messages without importing the checks that import it.
 */
export const intakeCodes = [
  "departureNotAfterArrival",
  "arrivalOutsideObservation",
  "departureOutsideObservation",
  "underage",
  "dateOfBirthAfterElection",
  "dateOfBirthImplausible",
  "passportExpiresBeforeDeparture",
  "passportExpiresWithinSixMonths",
  "passportTwiceInMission",
  "passportInOtherApplication",
  "passportInOtherApplicationDetail",
  "hostCountryNationality",
  "photoRequired",
  "noObservers",
  "noHeadOfMission",
  "severalHeadsOfMission",
  // Checked by each save against the stored list (observer-changes.ts), the form's and the import's.
  "headOfMissionSaved",
  "headOfMissionDecided",
  "observersIncomplete",
] as const;
export type IntakeCode = (typeof intakeCodes)[number];

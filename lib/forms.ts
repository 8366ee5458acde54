import type { z } from "zod";
import type { IntakeCode } from "@/lib/accreditation/intake";

/**
 * Validation messages are keys of the `validation` namespace in messages/*.json, so the same
 * zod schema yields translated messages on the client and on the server.
 */
export const validationKeys = [
  "required",
  "email",
  "tooLong",
  "invalid",
  "secondFactorCode",
  "passwordTooShort",
  "passwordCommon",
  "passwordContainsEmail",
  "passwordMismatch",
  "accountExists",
  "currentPasswordWrong",
  "organizationRequired",
  "endBeforeStart",
  "entityTypeWithId",
  "photoNotAnImage",
  "photoUnsupportedType",
  "photoTooLarge",
  "photoTooSmall",
  "photoNotPortrait",
  "photoTooManyPixels",
  "photoCorrupt",
  "letterNotPdf",
  "letterTooLarge",
  "zipNotZip",
  "zipTooLarge",
  "zipTooManyEntries",
  "zipTooLargeTotal",
  "zipCorrupt",
  "zipUnsafePath",
  "zipUnknownPassport",
  "zipDuplicatePassport",
  "choose",
  "httpsUrl",
  "date",
  "dateTime",
  "electionCode",
  "electionCodeTaken",
  "accreditationClosesBeforeOpens",
  "accreditationClosesAfterElectionDay",
  "observationStartsAfterElectionDay",
  "observationEndsBeforeElectionDay",
  "latinOnly",
  "cyrillicOnly",
  "cyrillicAcronym",
  "dateFormat",
  "countryCode",
  "passportFormat",
  "phoneFormat",
  "chooseAtLeastOne",
  "workingDays",
  "roomCapacity",
  "timeFormat",
  "bothTimesOrNone",
  "closesBeforeOpens",
  "closedDayTaken",
  "delegationSize",
  "windowTwice",
  "windowInPast",
  "windowTooSoon",
  "windowOnClosedDay",
  "windowOutsideWorkingHours",
  "windowOutsideObservation",
  "missionCannotMeet",
  "translationOfOriginal",
  "attachmentNotPdf",
  "attachmentTooLarge",
  "tooManyAttachments",
  "missionCannotPublish",
] as const;
export type ValidationKey = (typeof validationKeys)[number];

/** A field's message: a schema's key, or an intake check's (lib/accreditation/intake.ts) found on the server. */
export type FieldErrors = Record<string, ValidationKey | IntakeCode>;

/** What a Server Action behind a form answers when it does not redirect. */
export type FormState =
  | { status: "idle" }
  | { status: "error"; fieldErrors: FieldErrors; formError?: string; values?: Record<string, string> }
  /** Done, and the page stays: `items` carries what must be shown once (e.g. recovery codes). */
  | { status: "success"; items?: string[] };

export const idleFormState: FormState = { status: "idle" };

function asValidationKey(message: string): ValidationKey {
  return (validationKeys as readonly string[]).includes(message) ? (message as ValidationKey) : "invalid";
}

/** The first message per field, as a translation key. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "form";
    errors[field] ??= asValidationKey(issue.message);
  }
  return errors;
}

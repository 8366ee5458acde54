import type { z } from "zod";
import { intakeCodes, type IntakeCode } from "@/lib/accreditation/intake-codes";

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

const messageKeys = new Set<string>([...validationKeys, ...intakeCodes]);

function asMessageKey(message: string): ValidationKey | IntakeCode {
  return messageKeys.has(message) ? (message as ValidationKey | IntakeCode) : "invalid";
}

/** The first message per field, as a translation key. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "form";
    errors[field] ??= asMessageKey(issue.message);
  }
  return errors;
}

/**
 * Adds rules that compare fields (dates with each other, say) to an object schema. zod skips an
 * object's refinements once any field has failed, so a form would report the comparisons only in
 * a second round, after the other fields were fixed; here they run on whichever of `fields` are
 * themselves valid, whatever else is wrong. A field that failed is left to its own message.
 */
export function withComparisons<S extends z.ZodObject, K extends keyof z.output<S> & string>(
  schema: S,
  fields: readonly K[],
  compare: (valid: Partial<Pick<z.output<S>, K>>) => FieldErrors,
): S {
  return schema.superRefine(
    (value, ctx) => {
      const failed = new Set(ctx.issues.map((issue) => issue.path?.[0]));
      const valid = Object.fromEntries(fields.filter((field) => !failed.has(field)).map((field) => [field, value[field]]));
      for (const [field, code] of Object.entries(compare(valid as Partial<Pick<z.output<S>, K>>))) {
        ctx.addIssue({ code: "custom", path: [field], message: code, input: value[field as K] });
      }
    },
    // Not an object at all: there is nothing to compare.
    { when: (payload) => typeof payload.value === "object" && payload.value !== null },
  );
}

/**
 * The given fields' values that pass their own schema, whatever else in the form is wrong: the
 * rules on saved data (a passport already taken, say) then run in the same round as the format.
 */
export function validFields<S extends z.ZodObject, K extends keyof S["shape"] & keyof z.output<S> & string>(
  schema: S,
  values: Record<string, unknown>,
  fields: readonly K[],
): Partial<Pick<z.output<S>, K>> {
  const valid: Partial<Pick<z.output<S>, K>> = {};
  for (const field of fields) {
    const parsed = (schema.shape[field] as z.ZodType).safeParse(values[field]);
    if (parsed.success) valid[field] = parsed.data as z.output<S>[K];
  }
  return valid;
}

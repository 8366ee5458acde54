import { z } from "zod";
import { checkObserverDates, coordinatorErrors, type ElectionDates, type IntakeIssue } from "@/lib/accreditation/intake";
import { observerSchema } from "@/lib/accreditation/observer-schema";
import { withComparisons, type FieldErrors } from "@/lib/forms";
import { newPasswordSchema } from "@/lib/identity/password-rules";

/**
 * What an observer fills in themselves: the passport's fields, the Cyrillic spelling and (as a
 * file) the photo. The same field rules as the coordinator's form; role and stay stay the
 * coordinator's.
 */
export const ownDetailsSchema = observerSchema.pick({
  surname: true,
  givenNames: true,
  cyrillicName: true,
  sex: true,
  dateOfBirth: true,
  nationality: true,
  passportNumber: true,
  passportExpiresOn: true,
});
export type OwnDetailsInput = z.output<typeof ownDetailsSchema>;
export type OwnDetailsField = keyof typeof ownDetailsSchema.shape;
export const ownDetailsFields = Object.keys(ownDetailsSchema.shape) as OwnDetailsField[];

/** The errors the observer's form shows: role and stay are the coordinator's, so their problems are not the observer's to fix. */
export function ownDetailsErrors(issues: readonly IntakeIssue[]): FieldErrors {
  return Object.fromEntries(Object.entries(coordinatorErrors(issues)).filter(([field]) => field in ownDetailsSchema.shape));
}

/** What the observer's dates are compared with and cannot change: the election's dates and the departure the coordinator set. */
export type OwnRecordDates = { election: ElectionDates; departureOn: string };

/**
 * The own-details form with, in the same round as each field's format, the rules that compare its
 * dates (age on election day, passport valid until departure). The browser and the Server Action
 * build it from the same record; the change's transaction checks again, passports included.
 */
export const ownDetailsFormSchema = ({ election, departureOn }: OwnRecordDates) =>
  withComparisons(ownDetailsSchema, ["dateOfBirth", "passportExpiresOn"], (dates) => ownDetailsErrors(checkObserverDates({ ...dates, departureOn }, election)));

/** The coordinator's invitation: only the language of the email and the pages it leads to. */
export const observerInvitationSchema = z.object({
  emailLocale: z.enum(["tk", "ru", "en"], "required"),
});

/** A new observer chooses a password for the invited address. */
export const observerPasswordSchema = (email?: string) => newPasswordSchema(email);

/** An observer who already has an account proves it with its password. */
export const existingAccountSchema = z.object({
  password: z.string().min(1, "required").max(256, "tooLong"),
});

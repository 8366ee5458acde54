import { z } from "zod";
import { observerSchema } from "@/lib/accreditation/observer-schema";
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

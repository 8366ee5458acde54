import { z } from "zod";
import { routing } from "@/i18n/routing";
import { newPasswordSchema } from "./password-rules";

const accountEmail = z.string().trim().min(1, "required").max(254, "tooLong").pipe(z.email("email"));
const enteredPassword = z.string().min(1, "required").max(256, "tooLong");

export const signInSchema = z.object({ email: accountEmail, password: enteredPassword });

/** The address a password-reset link is asked for. */
export const forgotPasswordSchema = z.object({ email: accountEmail });

/** The signed-in user's current password and the new one; `email` is their account's. */
export function changePasswordSchema(email: string) {
  return z.object({ currentPassword: enteredPassword }).and(newPasswordSchema(email));
}

/** An authenticator code (6 digits) or a recovery code (xxxx-xxxx-xx). */
export const secondFactorSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, "required")
    .max(20, "tooLong")
    .regex(/^(\d{3}\s?\d{3}|[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}-?[A-Za-z0-9]{2})$/, "secondFactorCode"),
});

/** The language the portal writes its emails to the user in (the account page). */
export const emailLanguageSchema = z.object({ preferredLocale: z.enum(routing.locales, "required") });

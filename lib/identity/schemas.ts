import { z } from "zod";
import { routing } from "@/i18n/routing";

export const signInSchema = z.object({
  email: z.string().trim().min(1, "required").max(254, "tooLong").pipe(z.email("email")),
  password: z.string().min(1, "required").max(256, "tooLong"),
});
export type SignInInput = z.infer<typeof signInSchema>;

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

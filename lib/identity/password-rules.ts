import { z } from "zod";

/**
 * Password rules everywhere a password is chosen: at least 12 characters and not containing the
 * name part of the account's email. The common-password check needs a large list, so it runs on
 * the server only (lib/identity/common-passwords.ts).
 */
export const PASSWORD_MIN_LENGTH = 12;

export function containsEmailName(password: string, email: string) {
  const name = email.split("@")[0]?.toLowerCase() ?? "";
  return name.length >= 3 && password.toLowerCase().includes(name);
}

/** New password and its confirmation; `email` is the account's, when the form knows it. */
export function newPasswordSchema(email?: string) {
  return z
    .object({
      password: z.string().min(PASSWORD_MIN_LENGTH, "passwordTooShort").max(256, "tooLong"),
      passwordConfirmation: z.string().min(1, "required"),
    })
    .superRefine((value, ctx) => {
      if (email && containsEmailName(value.password, email)) {
        ctx.addIssue({ code: "custom", path: ["password"], message: "passwordContainsEmail" });
      }
      if (value.password !== value.passwordConfirmation) {
        ctx.addIssue({ code: "custom", path: ["passwordConfirmation"], message: "passwordMismatch" });
      }
    });
}

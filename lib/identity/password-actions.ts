"use server";

import { after } from "next/server";
import { z } from "zod";
import { redirect } from "@/i18n/navigation";
import { fieldErrorsOf, type FieldErrors, type FormState } from "@/lib/forms";
import { localeFromForm } from "@/lib/i18n/locale";
import { describeError, log } from "@/lib/log";
import { clientIp } from "@/lib/request-context";
import { isCommonPassword } from "./common-passwords";
import { requestDevice } from "./device-cookie";
import { changePassword, findPasswordReset, requestPasswordReset, resetPassword } from "./password-reset";
import { newPasswordSchema } from "./password-rules";
import { isLimited, limitKeys, recordFailure } from "./rate-limit";
import { changePasswordSchema, forgotPasswordSchema } from "./schemas";
import { authorizeSignedIn } from "./session";

/**
 * The password form's values, or its errors with the server-only common-password rule: that is
 * judged in the same round as the other fields once the new password and its confirmation pass.
 */
function checkPasswordForm<T extends { password: string }>(schema: z.ZodType<T>, formData: FormData, fields: readonly string[]): { errors: FieldErrors } | { values: T } {
  const unverified = Object.fromEntries(fields.map((field) => [field, String(formData.get(field) ?? "")]));
  const parsed = schema.safeParse(unverified);
  const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  if (!errors.password && !errors.passwordConfirmation && isCommonPassword(unverified.password ?? "")) errors.password = "passwordCommon";
  return parsed.success && !errors.password ? { values: parsed.data } : { errors };
}

/** Answers the same whether or not the address has an account, and whether or not it was limited. */
export async function forgotPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = forgotPasswordSchema.safeParse({ email: String(formData.get("email") ?? "") });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  const ip = await clientIp();
  // Every request counts: at most five links an hour-quarter per address, however they are asked for.
  const keys = limitKeys("password-reset", { account: parsed.data.email, ip });
  if (!(await isLimited(keys))) {
    await recordFailure(keys);
    // After the answer: an address with an account costs a transaction, one without none, and
    // the time of the answer must not tell them apart.
    after(() => requestPasswordReset(parsed.data.email, ip).catch((error: unknown) => log.error("password_reset.request_failed", describeError(error))));
  }
  return { status: "success" };
}

export async function resetPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const locale = localeFromForm(formData);
  const token = String(formData.get("token") ?? "");
  const link = await findPasswordReset(token);
  if (link.status !== "valid") return { status: "error", fieldErrors: {}, formError: "linkUnavailable" };
  const checked = checkPasswordForm(newPasswordSchema(link.email), formData, ["password", "passwordConfirmation"]);
  if ("errors" in checked) return { status: "error", fieldErrors: checked.errors };
  if (!(await resetPassword(token, checked.values.password, await clientIp()))) {
    return { status: "error", fieldErrors: {}, formError: "linkUnavailable" };
  }
  redirect({ href: { pathname: "/sign-in", query: { passwordReset: "1" } }, locale });
  return { status: "idle" };
}

export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeSignedIn();
  const checked = checkPasswordForm(changePasswordSchema(actor.email), formData, ["currentPassword", "password", "passwordConfirmation"]);
  if ("errors" in checked) return { status: "error", fieldErrors: checked.errors };
  const ip = await clientIp();
  const keys = limitKeys("sign-in", { account: actor.email, device: await requestDevice(actor.email), ip });
  if (await isLimited(keys)) return { status: "error", fieldErrors: {}, formError: "tooManyAttempts" };
  if (!(await changePassword(actor, checked.values.currentPassword, checked.values.password, ip))) {
    await recordFailure(keys);
    return { status: "error", fieldErrors: { currentPassword: "currentPasswordWrong" } };
  }
  return { status: "success" };
}

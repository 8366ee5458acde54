"use server";

import { after } from "next/server";
import { z } from "zod";
import { hasLocale } from "next-intl";
import { redirect } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";
import { fieldErrorsOf, type FieldErrors, type FormState } from "@/lib/forms";
import { describeError, log } from "@/lib/log";
import { clientIp } from "@/lib/request-context";
import { isCommonPassword } from "./common-passwords";
import { requestDevice } from "./device-cookie";
import { changePassword, findPasswordReset, requestPasswordReset, resetPassword } from "./password-reset";
import { newPasswordSchema } from "./password-rules";
import { isLimited, limitKeys, recordFailure } from "./rate-limit";
import { authorizeSignedIn } from "./session";

const emailSchema = z.object({ email: z.string().trim().min(1, "required").max(254, "tooLong").pipe(z.email("email")) });
const changeSchema = z.object({ currentPassword: z.string().min(1, "required").max(256, "tooLong") });

function localeFrom(formData: FormData) {
  const unverified = formData.get("locale");
  return hasLocale(routing.locales, unverified) ? unverified : routing.defaultLocale;
}

/** The new password's errors, the server-only common-password rule included. */
function newPasswordErrors(formData: FormData, email: string | undefined): { errors: FieldErrors } | { password: string } {
  const parsed = newPasswordSchema(email).safeParse({
    password: String(formData.get("password") ?? ""),
    passwordConfirmation: String(formData.get("passwordConfirmation") ?? ""),
  });
  if (!parsed.success) return { errors: fieldErrorsOf(parsed.error) };
  if (isCommonPassword(parsed.data.password)) return { errors: { password: "passwordCommon" } };
  return { password: parsed.data.password };
}

/** Answers the same whether or not the address has an account, and whether or not it was limited. */
export async function forgotPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = emailSchema.safeParse({ email: String(formData.get("email") ?? "") });
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
  const locale = localeFrom(formData);
  const token = String(formData.get("token") ?? "");
  const link = await findPasswordReset(token);
  if (link.status !== "valid") return { status: "error", fieldErrors: {}, formError: "linkUnavailable" };
  const checked = newPasswordErrors(formData, link.email);
  if ("errors" in checked) return { status: "error", fieldErrors: checked.errors };
  if (!(await resetPassword(token, checked.password, await clientIp()))) {
    return { status: "error", fieldErrors: {}, formError: "linkUnavailable" };
  }
  redirect({ href: { pathname: "/sign-in", query: { passwordReset: "1" } }, locale });
  return { status: "idle" };
}

export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeSignedIn();
  const current = changeSchema.safeParse({ currentPassword: String(formData.get("currentPassword") ?? "") });
  const checked = newPasswordErrors(formData, actor.email);
  const errors = { ...(current.success ? {} : fieldErrorsOf(current.error)), ...("errors" in checked ? checked.errors : {}) };
  if (!current.success || "errors" in checked) return { status: "error", fieldErrors: errors };
  const ip = await clientIp();
  const keys = limitKeys("sign-in", { account: actor.email, device: await requestDevice(actor.email), ip });
  if (await isLimited(keys)) return { status: "error", fieldErrors: {}, formError: "tooManyAttempts" };
  if (!(await changePassword(actor, current.data.currentPassword, checked.password, ip))) {
    await recordFailure(keys);
    return { status: "error", fieldErrors: { currentPassword: "currentPasswordWrong" } };
  }
  return { status: "success" };
}

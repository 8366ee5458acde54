"use server";

import { fieldErrorsOf, type FormState } from "@/lib/forms";
import { clientIp } from "@/lib/request-context";
import { changeEmailLanguage } from "./email-language";
import { emailLanguageSchema, secondFactorSchema } from "./schemas";
import { authorizeSignedIn } from "./session";
import { confirmTotpEnrolment } from "./two-factor";

/** Confirms the authenticator with its first code; answers with the recovery codes to show once. */
export async function confirmEnrolmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeSignedIn();
  const parsed = secondFactorSchema.safeParse({ code: String(formData.get("code") ?? "") });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  const codes = await confirmTotpEnrolment(actor, parsed.data.code, await clientIp());
  if (!codes) return { status: "error", fieldErrors: { code: "secondFactorCode" } };
  return { status: "success", items: codes };
}

/** The signed-in user's own email language: the session says whose row, never the form. */
export async function changeEmailLanguageAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeSignedIn();
  const parsed = emailLanguageSchema.safeParse({ preferredLocale: String(formData.get("preferredLocale") ?? "") });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  await changeEmailLanguage(actor, parsed.data.preferredLocale, await clientIp());
  return { status: "success" };
}

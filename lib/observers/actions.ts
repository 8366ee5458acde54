"use server";

import { AuthError } from "next-auth";
import { notFound } from "next/navigation";
import { redirect } from "@/i18n/navigation";
import { isUuid } from "@/lib/accreditation/scope";
import { observerPhoto } from "@/lib/accreditation/uploads";
import { fieldErrorsOf, validFields, type FormState } from "@/lib/forms";
import { localeFromForm } from "@/lib/i18n/locale";
import { signIn } from "@/lib/identity/auth";
import { isCommonPassword } from "@/lib/identity/common-passwords";
import { isLimited, limitKeys, recordFailure } from "@/lib/identity/rate-limit";
import { authorizeAction } from "@/lib/identity/session";
import { clientIp } from "@/lib/request-context";
import { acceptObserverInvitation, inviteObserver, linkExistingAccount, revokeObserverInvitation, usableInvitationEmail, type LinkOutcome } from "./invitations";
import { auditRefusedAccess, getOwnRecord, ownPassportErrors, ownRecordDates, saveOwnDetails } from "./own-record";
import { existingAccountSchema, observerInvitationSchema, observerPasswordSchema, ownDetailsFields, ownDetailsFormSchema, ownDetailsSchema } from "./schemas";

/**
 * The Server Actions of observers' own access: the coordinator's invitations, the observer's
 * account from the link, and the observer's own details. Each authorizes itself; the data
 * functions scope by the verified user.
 */

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "").slice(0, 2000);
const observerPage = (missionId: string, observerId: string) => `/portal/applications/${missionId}/observers/${observerId}`;

export async function inviteObserverAction(formData: FormData) {
  const actor = await authorizeAction("apply:accreditation");
  const locale = localeFromForm(formData);
  const missionId = text(formData, "missionId");
  const observerId = text(formData, "observerId");
  // The refusal of a language goes back to the observer's page, so its address must be one: any other
  // text in it (a control character, "../") would make a broken redirect, a 500.
  if (!isUuid(missionId) || !isUuid(observerId)) notFound();
  const parsed = observerInvitationSchema.safeParse({ emailLocale: text(formData, "emailLocale") });
  if (!parsed.success) {
    redirect({ href: { pathname: observerPage(missionId, observerId), query: { access: "invalidLanguage" } }, locale });
    return;
  }
  const result = await inviteObserver(actor, missionId, observerId, parsed.data.emailLocale, await clientIp());
  if (!result.ok && result.refusal === "notFound") notFound();
  const access = result.ok ? (result.resent ? "resent" : "invited") : result.refusal;
  redirect({ href: { pathname: observerPage(missionId, observerId), query: { access } }, locale });
}

export async function revokeObserverInvitationAction(formData: FormData) {
  const actor = await authorizeAction("apply:accreditation");
  const locale = localeFromForm(formData);
  const missionId = text(formData, "missionId");
  const observerId = text(formData, "observerId");
  const result = await revokeObserverInvitation(actor, missionId, observerId, await clientIp());
  if (!result.ok) notFound();
  redirect({ href: { pathname: observerPage(missionId, observerId), query: { access: result.revoked ? "revoked" : "nothingToRevoke" } }, locale });
}

/** Signs the observer in after their account was made or linked, and takes them to "My accreditation". */
async function enterWorkspace(outcome: Extract<LinkOutcome, { ok: true }>, password: string, locale: "tk" | "ru" | "en") {
  try {
    await signIn("credentials", { email: outcome.user.email, password, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
  }
  redirect({ href: "/me", locale });
}

/** A new observer's password: creates the account, links the record and signs them in. */
export async function acceptObserverInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const locale = localeFromForm(formData);
  const ip = await clientIp();
  const keys = limitKeys("invitation", { ip });
  if (await isLimited(keys)) return { status: "error", fieldErrors: {}, formError: "tooManyAttempts" };
  const token = text(formData, "token");
  const email = await usableInvitationEmail(token);
  if (!email) {
    await recordFailure(keys);
    return { status: "error", fieldErrors: {}, formError: "invitationUnavailable" };
  }
  const parsed = observerPasswordSchema(email).safeParse({
    password: String(formData.get("password") ?? ""),
    passwordConfirmation: String(formData.get("passwordConfirmation") ?? ""),
  });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  if (isCommonPassword(parsed.data.password)) return { status: "error", fieldErrors: { password: "passwordCommon" } };
  const outcome = await acceptObserverInvitation(token, parsed.data.password, ip);
  if (!outcome.ok) {
    await recordFailure(keys);
    return { status: "error", fieldErrors: {}, formError: "invitationUnavailable" };
  }
  await enterWorkspace(outcome, parsed.data.password, locale);
  return { status: "idle" };
}

/** An observer with an account already: their password links this record to it. */
export async function linkObserverAccountAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const locale = localeFromForm(formData);
  const ip = await clientIp();
  const keys = limitKeys("invitation", { ip });
  if (await isLimited(keys)) return { status: "error", fieldErrors: {}, formError: "tooManyAttempts" };
  const parsed = existingAccountSchema.safeParse({ password: String(formData.get("password") ?? "") });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };
  const outcome = await linkExistingAccount(text(formData, "token"), parsed.data.password, ip);
  if (!outcome.ok) {
    await recordFailure(keys);
    return { status: "error", fieldErrors: {}, formError: outcome.refusal === "unavailable" ? "invitationUnavailable" : outcome.refusal };
  }
  await enterWorkspace(outcome, parsed.data.password, locale);
  return { status: "idle" };
}

/** The observer's own passport details and photo, checked like the coordinator's form. */
export async function saveOwnDetailsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeAction("complete:own-record");
  const locale = localeFromForm(formData);
  const observerId = text(formData, "observerId");
  const ip = await clientIp();
  const refuse = async (): Promise<never> => {
    await auditRefusedAccess(actor, "saveOwnDetails", observerId, ip);
    notFound();
  };
  const record = await getOwnRecord(actor, observerId, locale);
  if (!record) return refuse();
  const values = Object.fromEntries(ownDetailsFields.map((field) => [field, text(formData, field)]));
  const parsed = ownDetailsFormSchema(ownRecordDates(record)).safeParse(values);
  const photo = await observerPhoto(formData);
  if (!parsed.success || "fieldErrors" in photo) {
    const fieldErrors = {
      ...(await ownPassportErrors(actor, observerId, parsed.success ? parsed.data : validFields(ownDetailsSchema, values, ["passportNumber", "nationality"]))),
      ...(parsed.success ? {} : fieldErrorsOf(parsed.error)),
      ...("fieldErrors" in photo ? photo.fieldErrors : {}),
    };
    return { status: "error", fieldErrors, values };
  }
  const result = await saveOwnDetails(actor, observerId, parsed.data, photo.photo, ip);
  if (!result.ok) {
    if ("fieldErrors" in result) return { status: "error", fieldErrors: result.fieldErrors, values };
    if (result.refusal === "notFound") return refuse();
    return { status: "error", fieldErrors: {}, formError: "notEditable", values };
  }
  redirect({ href: { pathname: `/me/records/${observerId}`, query: { notice: "saved" } }, locale });
  return { status: "idle" };
}

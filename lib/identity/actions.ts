"use server";

import { AuthError } from "next-auth";
import { hasLocale } from "next-intl";
import { redirect } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";
import { fieldErrorsOf, type FormState } from "@/lib/forms";
import { log } from "@/lib/log";
import { currentRequestId } from "@/lib/request-context";
import { signIn, signOut } from "./auth";
import { workspaceOf } from "./permissions";
import { signInSchema } from "./schemas";
import { getUserForSignIn } from "./users";

function localeFrom(formData: FormData) {
  const unverifiedLocale = formData.get("locale");
  return hasLocale(routing.locales, unverifiedLocale) ? unverifiedLocale : routing.defaultLocale;
}

/** A return path is followed only if it stays on this site, in this locale, inside the user's workspace. */
function safeReturnPath(unverifiedNext: FormDataEntryValue | null, locale: string, workspace: string) {
  if (typeof unverifiedNext !== "string") return null;
  const prefix = `/${locale}${workspace}`;
  const isLocalPath = /^\/[a-z]{2}(\/[A-Za-z0-9\-_/]*)?$/.test(unverifiedNext);
  return isLocalPath && (unverifiedNext === prefix || unverifiedNext.startsWith(`${prefix}/`))
    ? unverifiedNext.slice(locale.length + 1)
    : null;
}

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const locale = localeFrom(formData);
  const unverified = { email: String(formData.get("email") ?? ""), password: String(formData.get("password") ?? "") };
  const parsed = signInSchema.safeParse(unverified);
  if (!parsed.success) {
    return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values: { email: unverified.email.slice(0, 254) } };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      log.info("auth.sign_in_refused", { reason: error.type, requestId: await currentRequestId() });
      return { status: "error", fieldErrors: {}, formError: "invalidCredentials", values: { email: parsed.data.email } };
    }
    throw error;
  }
  const user = await getUserForSignIn(parsed.data.email);
  const workspace = user ? workspaceOf(user.role) : "/";
  log.info("auth.signed_in", { userId: user?.id, role: user?.role, requestId: await currentRequestId() });
  redirect({ href: safeReturnPath(formData.get("next"), locale, workspace) ?? workspace, locale });
  return { status: "idle" };
}

export async function signOutAction(formData: FormData) {
  const locale = localeFrom(formData);
  await signOut({ redirect: false });
  redirect({ href: "/", locale });
}

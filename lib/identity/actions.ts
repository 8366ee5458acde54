"use server";

import { cookies } from "next/headers";
import { AuthError } from "next-auth";
import { redirect } from "@/i18n/navigation";
import { recordAuditEvent } from "@/lib/audit/record";
import { fieldErrorsOf, type FormState } from "@/lib/forms";
import { localeFromForm } from "@/lib/i18n/locale";
import { log } from "@/lib/log";
import { clientIp, currentRequestId, reachedOverHttps } from "@/lib/request-context";
import { signIn, signOut } from "./auth";
import { getAuthSecret } from "./auth-secret";
import { issueChallenge, readChallenge } from "./challenge";
import { rememberDevice, requestDevice } from "./device-cookie";
import { verifyPassword } from "./password";
import { workspaceOf } from "./permissions";
import { clearFailures, isLimited, limitKeys, recordFailure } from "./rate-limit";
import { secondFactorSchema, signInSchema } from "./schemas";
import { authorizeSignedIn, getActor } from "./session";
import { closeAllSessions, closeSession } from "./sessions";
import { getSessionState, getUserForSignIn } from "./users";

const CHALLENGE_COOKIE = "portal-second-factor";

/** A return path is followed only if it stays on this site, in this locale, inside the user's workspace. */
function safeReturnPath(unverifiedNext: FormDataEntryValue | null, locale: string, workspace: string) {
  if (typeof unverifiedNext !== "string") return null;
  const prefix = `/${locale}${workspace}`;
  const isLocalPath = /^\/[a-z]{2}(\/[A-Za-z0-9\-_/]*)?$/.test(unverifiedNext);
  return isLocalPath && (unverifiedNext === prefix || unverifiedNext.startsWith(`${prefix}/`))
    ? unverifiedNext.slice(locale.length + 1)
    : null;
}

/** Counts a failure and audits it (and a lockout, once, when this failure causes one). */
async function refuse(action: "sign-in" | "second-factor", keys: ReturnType<typeof limitKeys>, userId: string | null, ip: string | null) {
  const locked = await recordFailure(keys);
  const details = { step: action };
  await recordAuditEvent({ actor: null, action: "auth.sign_in_failed", entityType: "user", entityId: userId, ip, details });
  if (locked.length > 0) {
    const scopes = locked.map((k) => k.split(":")[1]);
    await recordAuditEvent({ actor: null, action: "auth.locked_out", entityType: "user", entityId: userId, ip, details: { ...details, scopes } });
  }
  log.info("auth.sign_in_refused", { step: action, requestId: await currentRequestId() });
}

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const locale = localeFromForm(formData);
  const unverified = { email: String(formData.get("email") ?? ""), password: String(formData.get("password") ?? "") };
  const parsed = signInSchema.safeParse(unverified);
  const values = { email: unverified.email.slice(0, 254) };
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };

  const ip = await clientIp();
  const keys = limitKeys("sign-in", { account: parsed.data.email, device: await requestDevice(parsed.data.email), ip });
  // Locked counters answer the same for every address, existing or not.
  if (await isLimited(keys)) return { status: "error", fieldErrors: {}, formError: "tooManyAttempts", values };

  const user = await getUserForSignIn(parsed.data.email);
  const passwordMatches = await verifyPassword(user?.passwordHash ?? null, parsed.data.password);
  if (!user || !passwordMatches || user.disabledAt) {
    await refuse("sign-in", keys, user?.id ?? null, ip);
    return { status: "error", fieldErrors: {}, formError: "invalidCredentials", values };
  }
  await clearFailures(keys);
  const next = formData.get("next");

  if (user.totpEnabledAt) {
    (await cookies()).set(CHALLENGE_COOKIE, issueChallenge(user.id, user.sessionVersion, getAuthSecret()), {
      httpOnly: true,
      sameSite: "lax",
      secure: await reachedOverHttps(),
      path: "/",
      maxAge: 5 * 60,
    });
    redirect({ href: { pathname: "/sign-in/two-factor", query: typeof next === "string" ? { next } : {} }, locale });
  }

  try {
    await signIn("credentials", { ...parsed.data, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) return { status: "error", fieldErrors: {}, formError: "invalidCredentials", values };
    throw error;
  }
  await rememberDevice(user.email);
  redirect({ href: safeReturnPath(next, locale, workspaceOf(user.role)) ?? workspaceOf(user.role), locale });
  return { status: "idle" };
}

export async function secondFactorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const locale = localeFromForm(formData);
  const jar = await cookies();
  const challengeToken = jar.get(CHALLENGE_COOKIE)?.value;
  const challenge = readChallenge(challengeToken, getAuthSecret());
  if (!challenge) redirect({ href: { pathname: "/sign-in", query: { expired: "1" } }, locale });

  const parsed = secondFactorSchema.safeParse({ code: String(formData.get("code") ?? "") });
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error) };

  const ip = await clientIp();
  const user = await getSessionState(challenge!.userId, undefined);
  const device = user ? await requestDevice(user.email) : null;
  const keys = limitKeys("second-factor", { account: challenge!.userId, device, ip });
  if (await isLimited(keys)) return { status: "error", fieldErrors: {}, formError: "tooManyAttempts" };

  try {
    await signIn("credentials", { challenge: challengeToken, code: parsed.data.code, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    await refuse("second-factor", keys, challenge!.userId, ip);
    return { status: "error", fieldErrors: { code: "secondFactorCode" } };
  }
  await clearFailures(keys);
  jar.delete(CHALLENGE_COOKIE);
  if (user) await rememberDevice(user.email);
  const workspace = user ? workspaceOf(user.role) : "/";
  redirect({ href: safeReturnPath(formData.get("next"), locale, workspace) ?? workspace, locale });
  return { status: "idle" };
}

export async function signOutAction(formData: FormData) {
  const locale = localeFromForm(formData);
  const actor = await getActor();
  if (actor) await closeSession(actor, actor.sessionId, await clientIp());
  await signOut({ redirect: false });
  redirect({ href: "/", locale });
}

/** Ends every session of the signed-in user, on every device, this one included. */
export async function signOutEverywhereAction(formData: FormData) {
  const locale = localeFromForm(formData);
  const actor = await authorizeSignedIn();
  await closeAllSessions(actor, await clientIp());
  await signOut({ redirect: false });
  redirect({ href: { pathname: "/sign-in", query: { signedOutEverywhere: "1" } }, locale });
}

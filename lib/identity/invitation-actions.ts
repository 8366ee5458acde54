"use server";

import { z } from "zod";
import { AuthError } from "next-auth";
import { redirect } from "@/i18n/navigation";
import { fieldErrorsOf, type FormState } from "@/lib/forms";
import { localeFromForm } from "@/lib/i18n/locale";
import { clientIp } from "@/lib/request-context";
import { signIn } from "./auth";
import { isCommonPassword } from "./common-passwords";
import { acceptanceSchema, invitationSchema } from "./invitation-schemas";
import { acceptInvitation, findInvitation, inviteUser, resendInvitation, revokeInvitation } from "./invitations";
import { workspaceOf } from "./permissions";
import { isLimited, limitKeys, recordFailure } from "./rate-limit";
import { authorizeAction } from "./session";

const idSchema = z.uuid();

export async function inviteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await authorizeAction("invite:users");
  const locale = localeFromForm(formData);
  const unverified = Object.fromEntries(["email", "role", "organizationId", "locale"].map((k) => [k, String(formData.get(k === "locale" ? "emailLocale" : k) ?? "")]));
  const parsed = invitationSchema.safeParse({ ...unverified, organizationId: unverified.organizationId || undefined });
  const values = { email: String(unverified.email).slice(0, 254) };
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
  const result = await inviteUser(actor, parsed.data, await clientIp());
  if ("fieldErrors" in result) return { status: "error", fieldErrors: result.fieldErrors, values };
  // The invitation's id, not its address: the notice reads the address, and no link can make it say another.
  redirect({ href: { pathname: "/commission/admin/invitations", query: { sent: result.id } }, locale });
  return { status: "idle" };
}

export async function revokeInvitationAction(formData: FormData) {
  const actor = await authorizeAction("invite:users");
  const id = idSchema.safeParse(formData.get("id"));
  const revoked = id.success && (await revokeInvitation(actor, id.data, await clientIp()));
  redirect({ href: { pathname: "/commission/admin/invitations", query: { notice: revoked ? "revoked" : "notRevoked" } }, locale: localeFromForm(formData) });
}

export async function resendInvitationAction(formData: FormData) {
  const actor = await authorizeAction("invite:users");
  const id = idSchema.safeParse(formData.get("id"));
  const resent = id.success && (await resendInvitation(actor, id.data, await clientIp())) !== null;
  redirect({ href: { pathname: "/commission/admin/invitations", query: { notice: resent ? "resent" : "notResent" } }, locale: localeFromForm(formData) });
}

/** The invitee's choice of name, language and password: creates the account and signs them in. */
export async function acceptInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const token = String(formData.get("token") ?? "");
  const ip = await clientIp();
  const keys = limitKeys("invitation", { ip });
  if (await isLimited(keys)) return { status: "error", fieldErrors: {}, formError: "tooManyAttempts" };
  const invitation = await findInvitation(token);
  if (!invitation || invitation.status !== "pending") {
    await recordFailure(keys);
    return { status: "error", fieldErrors: {}, formError: "invitationUnavailable" };
  }
  const parsed = acceptanceSchema(invitation.email).safeParse({
    name: String(formData.get("name") ?? ""),
    preferredLocale: String(formData.get("preferredLocale") ?? ""),
    password: String(formData.get("password") ?? ""),
    passwordConfirmation: String(formData.get("passwordConfirmation") ?? ""),
  });
  const values = { name: String(formData.get("name") ?? "").slice(0, 120) };
  if (!parsed.success) return { status: "error", fieldErrors: fieldErrorsOf(parsed.error), values };
  if (isCommonPassword(parsed.data.password)) return { status: "error", fieldErrors: { password: "passwordCommon" }, values };
  const user = await acceptInvitation(token, parsed.data, ip);
  if (!user) return { status: "error", fieldErrors: {}, formError: "invitationUnavailable" };
  try {
    await signIn("credentials", { email: user.email, password: parsed.data.password, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
  }
  redirect({ href: workspaceOf(user.role), locale: parsed.data.preferredLocale });
  return { status: "idle" };
}

import "server-only";
import { cache } from "react";
import { forbidden } from "next/navigation";
import { redirect } from "@/i18n/navigation";
import { recordAuditEvent } from "@/lib/audit/record";
import { clientIp } from "@/lib/request-context";
import { auth } from "./auth";
import { can, type Permission, type Role } from "./permissions";

export type Actor = {
  id: string;
  name: string;
  email: string;
  role: Role;
  organizationId: string | null;
  totpEnabled: boolean;
  sessionId: string;
};

/** The verified user of this request, re-read from the database (see the jwt callback). */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  const { id, name, email, role, organizationId, totpEnabled, sessionId } = session.user;
  return { id, name, email, role, organizationId, totpEnabled, sessionId };
});

/**
 * An observer reaching for another workspace or someone else's action is refused and the attempt
 * audited: observers see only their own record, and the commission wants to know who tried more.
 */
async function refuse(actor: Actor, permission: Permission): Promise<never> {
  if (actor.role === "observer") {
    await recordAuditEvent({ actor, action: "observer.access_refused", entityType: "permission", ip: await clientIp(), details: { target: permission } });
  }
  forbidden();
}

/** Staff act only after enrolling a second factor. */
export function needsSecondFactorEnrolment(actor: Actor) {
  return (actor.role === "reviewer" || actor.role === "admin") && !actor.totpEnabled;
}

/**
 * For pages: the signed-out go to sign-in, staff without a second factor to its enrolment,
 * the signed-in without the permission get 403. Every page calls this itself (a layout's check
 * does not cover its pages' requests).
 */
export async function requirePermission(permission: Permission, locale: string, returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) {
    return redirect({ href: { pathname: "/sign-in", query: { next: `/${locale}${returnTo}` } }, locale });
  }
  if (!can(actor.role, permission)) return refuse(actor, permission);
  if (needsSecondFactorEnrolment(actor)) return redirect({ href: "/two-factor/setup", locale });
  return actor;
}

/** For pages any signed-in user may open (their account, second-factor enrolment). */
export async function requireSignedIn(locale: string, returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) return redirect({ href: { pathname: "/sign-in", query: { next: `/${locale}${returnTo}` } }, locale });
  return actor;
}

/**
 * For Server Actions and route handlers: the verified actor if they hold the permission (staff
 * with their second factor), otherwise a 403. Every action calls this itself.
 */
export async function authorizeAction(permission: Permission): Promise<Actor> {
  const actor = await getActor();
  if (!actor) forbidden();
  if (!can(actor.role, permission)) return refuse(actor, permission);
  if (needsSecondFactorEnrolment(actor)) forbidden();
  return actor;
}

/** For actions any signed-in user may take on their own account. */
export async function authorizeSignedIn(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) forbidden();
  return actor;
}

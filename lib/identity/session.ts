import "server-only";
import { cache } from "react";
import { forbidden } from "next/navigation";
import { redirect } from "@/i18n/navigation";
import { auth } from "./auth";
import { can, type Permission } from "./permissions";

export type Actor = {
  id: string;
  name: string;
  email: string;
  role: "coordinator" | "observer" | "reviewer" | "admin";
  organizationId: string | null;
};

/** The verified user of this request, re-read from the database (see the jwt callback). */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  const { id, name, email, role, organizationId } = session.user;
  return { id, name, email, role, organizationId };
});

/**
 * For pages: the signed-out go to sign-in, the signed-in without the permission get 403.
 * Every page calls this itself (a layout's check does not cover its pages' requests).
 */
export async function requirePermission(permission: Permission, locale: string, returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) {
    return redirect({ href: { pathname: "/sign-in", query: { next: `/${locale}${returnTo}` } }, locale });
  }
  if (!can(actor.role, permission)) forbidden();
  return actor;
}

/**
 * For Server Actions and route handlers: the verified actor if they hold the permission,
 * otherwise a 403. Every action calls this itself; the page that shows it proves nothing.
 */
export async function authorizeAction(permission: Permission): Promise<Actor> {
  const actor = await getActor();
  if (!actor || !can(actor.role, permission)) forbidden();
  return actor;
}

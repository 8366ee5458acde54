"use client";

import { useEffect, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { signOutAction } from "@/lib/identity/actions";
import { can, type Role } from "@/lib/identity/permissions";
import { NavLink } from "./nav-link";

/** The sections a role may enter, in the order the navigation shows them. */
const sections = [
  { href: "/portal", label: "coordinatorWorkspace", permission: "enter:coordinator-workspace" },
  { href: "/me", label: "observerWorkspace", permission: "enter:observer-workspace" },
  { href: "/portal/meetings", label: "meetings", permission: "request:meetings" },
  { href: "/portal/statements", label: "missionStatements", permission: "draft:statements" },
  { href: "/commission", label: "commissionWorkspace", permission: "enter:commission-workspace" },
  { href: "/commission/applications", label: "applications", permission: "review:applications" },
  { href: "/commission/meetings", label: "meetings", permission: "schedule:meetings" },
  { href: "/commission/statements", label: "statementQueue", permission: "publish:statement" },
  { href: "/commission/admin", label: "administration", permission: "manage:organizations" },
] as const;

/**
 * The signed-in part of the main navigation. The workspaces know the role on the server and pass it
 * (`null`: signed out). Public pages are rendered once for everyone and served from the cache, so
 * there the role is asked for in the browser; until it answers, only "Sign in" is shown.
 * Either way these links are only a convenience: every page checks access itself.
 */
export function AccountNav({ role: known }: { role?: Role | null }) {
  const t = useTranslations("layout");
  const locale = useLocale();
  const [asked, setAsked] = useState<Role | null>(null);
  useEffect(() => {
    if (known !== undefined) return;
    const controller = new AbortController();
    fetch("/api/auth/session", { cache: "no-store", signal: controller.signal })
      .then((response) => (response.ok ? response.json() : null))
      .then((session: { user?: { role?: Role } } | null) => setAsked(session?.user?.role ?? null))
      .catch(() => undefined);
    return () => controller.abort();
  }, [known]);
  const role = known === undefined ? asked : known;

  return (
    <>
      {role &&
        sections
          .filter((section) => can(role, section.permission))
          .map((section) => (
            <li key={section.href}>
              <NavLink href={section.href}>{t(section.label)}</NavLink>
            </li>
          ))}
      {role && (
        <li className="site-nav__account">
          <NavLink href="/account">{t("account")}</NavLink>
        </li>
      )}
      <li className={role ? undefined : "site-nav__account"}>
        {role ? (
          <form action={signOutAction}>
            <input type="hidden" name="locale" value={locale} />
            <ConfirmDialog
              trigger={t("signOut")}
              triggerClassName="link-button"
              title={t("signOutConfirmTitle")}
              body={t("signOutConfirmBody")}
              confirmLabel={t("signOut")}
              cancelLabel={t("cancel")}
            />
          </form>
        ) : (
          <NavLink href="/sign-in">{t("signIn")}</NavLink>
        )}
      </li>
    </>
  );
}

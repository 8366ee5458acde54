import { getLocale, getTranslations } from "next-intl/server";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Link } from "@/i18n/navigation";
import { signOutAction } from "@/lib/identity/actions";
import { can } from "@/lib/identity/permissions";
import { getActor } from "@/lib/identity/session";
import { LanguageSwitcher } from "./language-switcher";
import { NavLink } from "./nav-link";

export async function SiteHeader() {
  const [t, locale, actor] = await Promise.all([getTranslations("layout"), getLocale(), getActor()]);
  return (
    <header className="site-header">
      <div className="container site-header__bar">
        <Link href="/" className="site-header__title">
          {t("commissionName")}
          <span>{t("portalName")}</span>
        </Link>
        <LanguageSwitcher />
      </div>
      <nav className="site-nav" aria-label={t("mainNavigation")}>
        <ul className="container">
          <li>
            <NavLink href="/">{t("home")}</NavLink>
          </li>
          {actor && can(actor.role, "enter:coordinator-workspace") && (
            <li>
              <NavLink href="/portal">{t("coordinatorWorkspace")}</NavLink>
            </li>
          )}
          {actor && can(actor.role, "enter:commission-workspace") && (
            <li>
              <NavLink href="/commission">{t("commissionWorkspace")}</NavLink>
            </li>
          )}
          {actor && can(actor.role, "review:applications") && (
            <li>
              <NavLink href="/commission/applications">{t("applications")}</NavLink>
            </li>
          )}
          {actor && can(actor.role, "manage:organizations") && (
            <li>
              <NavLink href="/commission/admin">{t("administration")}</NavLink>
            </li>
          )}
          {actor && (
            <li className="site-nav__account">
              <NavLink href="/account">{t("account")}</NavLink>
            </li>
          )}
          <li className={actor ? undefined : "site-nav__account"}>
            {actor ? (
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
        </ul>
      </nav>
    </header>
  );
}

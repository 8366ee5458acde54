import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { LanguageSwitcher } from "./language-switcher";
import { NavLink } from "./nav-link";

/** The banner and main navigation; `account` adds the signed-in part (see AccountNav). */
export async function SiteHeader({ account }: { account: ReactNode }) {
  const t = await getTranslations("layout");
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
          <li>
            <NavLink href="/elections">{t("elections")}</NavLink>
          </li>
          <li>
            <NavLink href="/statements">{t("statements")}</NavLink>
          </li>
          {account}
        </ul>
      </nav>
    </header>
  );
}

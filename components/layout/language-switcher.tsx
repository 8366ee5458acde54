"use client";

import { useLocale, useTranslations } from "next-intl";
import { Link, usePathname } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";

const ownNames = { tk: "Türkmençe", ru: "Русский", en: "English" } as const;

/** Links to the same page in each language, each named in its own language. */
export function LanguageSwitcher() {
  const t = useTranslations("layout");
  const current = useLocale();
  const pathname = usePathname();
  return (
    <nav className="language-switcher" aria-label={t("languages")}>
      <ul>
        {routing.locales.map((locale) => (
          <li key={locale}>
            <Link
              href={pathname}
              locale={locale}
              lang={locale}
              hrefLang={locale}
              aria-current={locale === current ? "true" : undefined}
            >
              {ownNames[locale]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

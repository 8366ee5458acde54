"use client";

import { Suspense } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Link, usePathname } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";
import { ownLanguageNames } from "@/lib/i18n/own-language-names";

/**
 * Links to the same page in each language, each named in its own language, keeping the query: a
 * badge scanned at /tk/verify?t=… keeps its verdict in English, a search its words.
 */
export function LanguageSwitcher() {
  // Cached public pages are rendered once for everyone, without a query: there the links start
  // without it and the browser adds it. Pages rendered per request get it from the server.
  return (
    <Suspense fallback={<LanguageLinks search="" />}>
      <LanguageLinksWithQuery />
    </Suspense>
  );
}

function LanguageLinksWithQuery() {
  return <LanguageLinks search={useSearchParams().toString()} />;
}

function LanguageLinks({ search }: { search: string }) {
  const t = useTranslations("layout");
  const current = useLocale();
  const pathname = usePathname();
  const href = search ? `${pathname}?${search}` : pathname;
  return (
    <nav className="language-switcher" aria-label={t("languages")}>
      <ul>
        {routing.locales.map((locale) => (
          <li key={locale}>
            <Link href={href} locale={locale} lang={locale} hrefLang={locale} aria-current={locale === current ? "true" : undefined}>
              {ownLanguageNames[locale]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { routing } from "@/i18n/routing";
import { localeOf } from "./locale";

/** Title plus canonical and hreflang alternates for a page present in every language. */
export function localizedMetadata(locale: string, path: string, title: string): Metadata {
  const suffix = path === "/" ? "" : path;
  return {
    title,
    alternates: {
      canonical: `/${locale}${suffix}`,
      languages: {
        ...Object.fromEntries(routing.locales.map((l) => [l, `/${l}${suffix}`])),
        "x-default": `/${routing.defaultLocale}${suffix}`,
      },
    },
  };
}

/** A page's `generateMetadata`: its title from messages, alternates for `path`. */
export function pageMetadata(namespace: string, titleKey: string, path: string) {
  return async ({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> => {
    const locale = await localeOf(params);
    const t = await getTranslations({ locale, namespace });
    return localizedMetadata(locale, path, t(titleKey));
  };
}

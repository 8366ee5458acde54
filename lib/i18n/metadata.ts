import type { Metadata } from "next";
import { routing } from "@/i18n/routing";

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

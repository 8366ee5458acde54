import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { setRequestLocale } from "next-intl/server";
import { routing, type Locale } from "@/i18n/routing";

/**
 * The locale of a page's URL. The [locale] segment matches any first path segment (a stray
 * /favicon.ico too), and pages render alongside the layout, so each page checks it as well.
 * It also tells next-intl the locale, so translations need not read the request's headers and
 * public pages can be rendered once and cached.
 */
export async function localeOf(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) {
    // The 404 page then speaks the default language without asking the request for one.
    setRequestLocale(routing.defaultLocale);
    notFound();
  }
  setRequestLocale(locale);
  return locale;
}

/** The locale a form says it was filled in: untrusted, so anything unknown is the default. */
export function localeFromForm(formData: FormData): Locale {
  const unverified = formData.get("locale");
  return hasLocale(routing.locales, unverified) ? unverified : routing.defaultLocale;
}

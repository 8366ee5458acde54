import { routing, type Locale } from "@/i18n/routing";

/** Each language named in itself, so a reader finds theirs whatever language the page is in. */
export const ownLanguageNames: Record<Locale, string> = { tk: "Türkmençe", ru: "Русский", en: "English" };

/** The portal's languages as choices of a form, each marked with its language for screen readers. */
export const ownLanguageOptions = routing.locales.map((l) => ({ value: l, label: ownLanguageNames[l], lang: l }));

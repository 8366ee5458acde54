import { createTranslator } from "next-intl";
import type { Locale } from "@/i18n/routing";
import type { ObserverRole } from "@/lib/accreditation/vocabulary";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import tk from "@/messages/tk.json";

/**
 * The badge's words in all three languages at once, from the messages files, so a label is
 * translated in one place for the screen and for print.
 */
const messages = { tk, ru, en } as const;

type PdfMessages = (typeof en)["badgePdf"];
export type BadgeLabels = Record<Locale, Pick<PdfMessages, "heading" | "accreditationNumber" | "role" | "organization" | "mission" | "validity" | "scanToVerify"> & { roles: Record<ObserverRole, string> }>;

const labelsOf = (locale: Locale) => ({ ...messages[locale].badgePdf, roles: messages[locale].vocabulary.observerRoles });

export const badgeLabels: BadgeLabels = { tk: labelsOf("tk"), ru: labelsOf("ru"), en: labelsOf("en") };

/** The document title (PDF metadata), in the language of the person downloading. */
export function badgePdfTitle(locale: Locale, title: { number: string } | { organization: string; election: string }) {
  const t = createTranslator({ locale, messages: messages[locale], namespace: "badgePdf" });
  return "number" in title ? t("badgeTitle", title) : t("sheetTitle", title);
}

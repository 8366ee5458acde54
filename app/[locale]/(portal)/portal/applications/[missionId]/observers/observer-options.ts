import "server-only";
import { getTranslations } from "next-intl/server";
import { observerRoles, sexes } from "@/lib/accreditation/vocabulary";
import { countryCodes, countryNamer } from "@/lib/organizations/countries";

/** The observer form's choices in the page's language; countries sorted as its readers sort. */
export async function observerOptions(locale: string) {
  const v = await getTranslations("vocabulary");
  const name = countryNamer(locale);
  const collator = new Intl.Collator(locale);
  return {
    roleOptions: observerRoles.map((role) => ({ value: role, label: v(`observerRoles.${role}`) })),
    sexOptions: sexes.map((sex) => ({ value: sex, label: v(`sexes.${sex}`) })),
    countryOptions: countryCodes.map((code) => ({ value: code, label: name(code) })).sort((a, b) => collator.compare(a.label, b.label)),
  };
}

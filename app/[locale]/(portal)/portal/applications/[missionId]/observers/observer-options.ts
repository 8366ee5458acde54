import "server-only";
import { getTranslations } from "next-intl/server";
import { observerRoles, sexes } from "@/lib/accreditation/vocabulary";
import { nationalityCodes } from "@/lib/accreditation/countries";
import { countryOptions } from "@/lib/organizations/countries";

/** The observer form's choices in the page's language; countries sorted as its readers sort. */
export async function observerOptions(locale: string) {
  const v = await getTranslations("vocabulary");
  return {
    roleOptions: observerRoles.map((role) => ({ value: role, label: v(`observerRoles.${role}`) })),
    sexOptions: sexes.map((sex) => ({ value: sex, label: v(`sexes.${sex}`) })),
    countryOptions: countryOptions(locale, nationalityCodes),
  };
}

import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { formatDay } from "@/lib/i18n/format";
import { countryNamer } from "@/lib/organizations/countries";

type Details = {
  surname: string;
  givenNames: string;
  cyrillicName: string | null;
  sex: string;
  dateOfBirth: string;
  nationality: string;
  passportNumber: string;
  passportExpiresOn: string;
};

/** The passport page of an observer's record as terms of a description list (the caller's <dl>). */
export async function PassportDetails({ details, locale }: { details: Details; locale: Locale }) {
  const [o, v] = await Promise.all([getTranslations("observers"), getTranslations("vocabulary")]);
  return (
    <>
      <dt>{o("fields.surname")}</dt>
      <dd>{details.surname}</dd>
      <dt>{o("fields.givenNames")}</dt>
      <dd>{details.givenNames}</dd>
      <dt>{o("fields.cyrillicName")}</dt>
      <dd>{details.cyrillicName ?? "—"}</dd>
      <dt>{o("fields.sex")}</dt>
      <dd>{v(`sexes.${details.sex}`)}</dd>
      <dt>{o("fields.dateOfBirth")}</dt>
      <dd>{formatDay(details.dateOfBirth, locale)}</dd>
      <dt>{o("fields.nationality")}</dt>
      <dd>{countryNamer(locale)(details.nationality)}</dd>
      <dt>{o("fields.passportNumber")}</dt>
      <dd>{details.passportNumber}</dd>
      <dt>{o("fields.passportExpiresOn")}</dt>
      <dd>{formatDay(details.passportExpiresOn, locale)}</dd>
    </>
  );
}

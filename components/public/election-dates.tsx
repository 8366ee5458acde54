import { getLocale, getTranslations } from "next-intl/server";
import { formatDay, formatInstant } from "@/lib/i18n/format";
import type { PublicElection } from "@/lib/public/register";

/** An election's key dates: election day, the accreditation window and the observation window. */
export async function ElectionDates({ election }: { election: PublicElection }) {
  const [t, locale] = await Promise.all([getTranslations("publicElections"), getLocale()]);
  return (
    <dl className="summary-list">
      <dt>{t("electionDay")}</dt>
      <dd>{formatDay(election.electionDay, locale)}</dd>
      <dt>{t("accreditationWindow")}</dt>
      <dd>
        {t("fromUntil", {
          from: formatInstant(new Date(election.accreditationOpensAt), locale),
          until: formatInstant(new Date(election.accreditationClosesAt), locale),
        })}
      </dd>
      <dt>{t("observationWindow")}</dt>
      <dd>{t("fromUntil", { from: formatDay(election.observationStartsOn, locale), until: formatDay(election.observationEndsOn, locale) })}</dd>
    </dl>
  );
}

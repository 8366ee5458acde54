import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { countryNamesSorted } from "@/lib/organizations/countries";
import type { PublicMission } from "@/lib/public/register";
import { RoleCounts } from "./role-counts";

/** The accredited missions of an election, one card each: who they are and whom they sent. */
export async function AccreditedMissions({ missions }: { missions: PublicMission[] }) {
  const [t, v, locale] = await Promise.all([getTranslations("publicElections"), getTranslations("vocabulary"), getLocale() as Promise<Locale>]);
  if (missions.length === 0) return <p>{t("noMissions")}</p>;
  return (
    <ul className="mission-list">
      {missions.map((mission) => (
        <li key={mission.id}>
          <h3>
            {mission.organization[locale]} <span className="mission-list__acronym">({mission.acronym})</span>
          </h3>
          <dl className="summary-list">
            <dt>{t("mission")}</dt>
            <dd>{mission.name}</dd>
            <dt>{t("missionType")}</dt>
            <dd>{mission.type ? v(`missionTypes.${mission.type}`) : "—"}</dd>
            <dt>{t("headOfMission")}</dt>
            <dd>{mission.headOfMission ?? "—"}</dd>
            <dt>{t("accreditedObservers")}</dt>
            <dd>
              {t("observerCount", { count: mission.accredited })}
              <RoleCounts byRole={mission.byRole} />
            </dd>
            <dt>{t("countries")}</dt>
            <dd>{countryNamesSorted(mission.countries, locale).join(", ")}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}

import { createTranslator } from "next-intl";
import type { Locale } from "@/i18n/routing";
import { observerRoles } from "@/lib/accreditation/vocabulary";
import { csvDocument } from "@/lib/csv";
import { countryNamer, countryNamesSorted } from "@/lib/organizations/countries";
import en from "@/messages/en.json";
import ru from "@/messages/ru.json";
import tk from "@/messages/tk.json";
import type { PublicRegister } from "./register";

const catalogs = { tk, ru, en } as const;

/**
 * The register as CSV in the reader's language: one row per accredited mission with its counts by
 * role and its countries; where the election publishes names, one row per accredited observer
 * instead (mission, Latin name, role, nationality), which is all the public may know of them.
 */
export function registerCsv(register: PublicRegister, locale: Locale): Buffer {
  const t = createTranslator({ locale, messages: catalogs[locale], namespace: "publicRegister" });
  const v = createTranslator({ locale, messages: catalogs[locale], namespace: "vocabulary" });
  const country = countryNamer(locale);
  const missionType = (type: PublicRegister["missions"][number]["type"]) => (type ? v(`missionTypes.${type}`) : "");
  if (register.observers) {
    const missions = new Map(register.missions.map((m) => [m.id, m]));
    const header = (["organization", "mission", "missionType", "surname", "givenNames", "role", "nationality"] as const).map((c) => t(`columns.${c}`));
    return csvDocument([
      header,
      ...register.observers.map((o) => {
        const mission = missions.get(o.missionId)!;
        return [mission.organization[locale], mission.name, missionType(mission.type), o.surname, o.givenNames, v(`observerRoles.${o.role}`), country(o.nationality)];
      }),
    ]);
  }
  const header = [
    ...(["organization", "acronym", "mission", "missionType", "headOfMission", "accredited"] as const).map((c) => t(`columns.${c}`)),
    ...observerRoles.map((role) => v(`observerRoles.${role}`)),
    t("columns.countries"),
  ];
  return csvDocument([
    header,
    ...register.missions.map((m) => [
      m.organization[locale],
      m.acronym,
      m.name,
      missionType(m.type),
      m.headOfMission ?? "",
      String(m.accredited),
      ...observerRoles.map((role) => String(m.byRole[role] ?? 0)),
      countryNamesSorted(m.countries, locale).join("; "),
    ]),
  ]);
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RoleCounts } from "@/components/public/role-counts";
import { Link } from "@/i18n/navigation";
import { countryNamer, countryNamesSorted } from "@/lib/organizations/countries";
import { localeOf } from "@/lib/i18n/locale";
import { localizedMetadata } from "@/lib/i18n/metadata";
import { registerOf } from "../election-register";
import { renderedOnFirstRequest } from "@/lib/public/static-params";
import { TableWrap } from "@/components/data/table-wrap";

type Props = PageProps<"/[locale]/elections/[election]/register">;

export const generateStaticParams = renderedOnFirstRequest;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeOf(params);
  const [{ election }, t] = await Promise.all([registerOf(params), getTranslations({ locale, namespace: "publicRegister" })]);
  return localizedMetadata(locale, `/elections/${election.code}/register`, t("title", { election: election.titles[locale] }));
}

function ColumnHeads({ labels }: { labels: string[] }) {
  return (
    <thead>
      <tr>
        {labels.map((label) => (
          <th key={label} scope="col">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** The public register of accredited missions of one election, and its CSV. */
export default async function RegisterPage({ params }: Props) {
  const locale = await localeOf(params);
  const [register, t, v] = await Promise.all([registerOf(params), getTranslations("publicRegister"), getTranslations("vocabulary")]);
  const { election, missions, observers } = register;
  const country = countryNamer(locale);
  const missionsById = new Map(missions.map((m) => [m.id, m]));
  return (
    <>
      <p>
        <Link href={`/elections/${election.code}`}>{election.titles[locale]}</Link>
      </p>
      <h1>{t("title", { election: election.titles[locale] })}</h1>
      <p className="lead">{observers ? t("leadWithNames") : t("leadWithoutNames")}</p>
      <p>
        <a href={`/api/elections/${election.code}/register?locale=${locale}`} download>
          {t("download")}
        </a>
      </p>
      {missions.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <TableWrap label={t("missionsCaption")}>
          <table className="responsive">
            <caption>{t("missionsCaption")}</caption>
            <ColumnHeads labels={(["organization", "mission", "missionType", "headOfMission", "accredited", "countries"] as const).map((c) => t(`columns.${c}`))} />
            <tbody>
              {missions.map((m) => (
                <tr key={m.id}>
                  <th scope="row" data-label={t("columns.organization")}>
                    {m.organization[locale]} ({m.acronym})
                  </th>
                  <td data-label={t("columns.mission")}>{m.name}</td>
                  <td data-label={t("columns.missionType")}>{m.type ? v(`missionTypes.${m.type}`) : "—"}</td>
                  <td data-label={t("columns.headOfMission")}>{m.headOfMission ?? "—"}</td>
                  <td data-label={t("columns.accredited")}>
                    {m.accredited}
                    <RoleCounts byRole={m.byRole} />
                  </td>
                  <td data-label={t("columns.countries")}>{countryNamesSorted(m.countries, locale).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {observers && observers.length > 0 && (
        <TableWrap label={t("observersCaption")}>
          <table className="responsive">
            <caption>{t("observersCaption")}</caption>
            <ColumnHeads labels={(["surname", "givenNames", "role", "nationality", "organization"] as const).map((c) => t(`columns.${c}`))} />
            <tbody>
              {observers.map((o, index) => (
                <tr key={index}>
                  <td data-label={t("columns.surname")}>{o.surname}</td>
                  <td data-label={t("columns.givenNames")}>{o.givenNames}</td>
                  <td data-label={t("columns.role")}>{v(`observerRoles.${o.role}`)}</td>
                  <td data-label={t("columns.nationality")}>{country(o.nationality)}</td>
                  <td data-label={t("columns.organization")}>{missionsById.get(o.missionId)?.acronym}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}

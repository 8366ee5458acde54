import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { MAX_OBSERVER_ROWS } from "@/lib/accreditation/import";
import { isEditable } from "@/lib/accreditation/rules";
import { applicationPageMetadata, loadApplicationPage } from "../../application-page";
import { ImportForm } from "./import-form";

type Props = PageProps<"/[locale]/portal/applications/[missionId]/observers/import">;

export const generateMetadata = applicationPageMetadata("importTitle");

/** Hundreds of observers from one spreadsheet: a template to fill, and a report if anything is wrong. */
export default async function ImportObserversPage({ params }: Props) {
  const { locale, application } = await loadApplicationPage(params, "/observers/import");
  const t = await getTranslations("observerImport");
  const templateUrl = (format: "xlsx" | "csv") => `/api/observer-template?format=${format}&locale=${locale}`;
  return (
    <>
      <p>
        <Link href={`/portal/applications/${application.id}/observers`}>{t("backToObservers")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead", { max: MAX_OBSERVER_ROWS })}</p>
      <h2>{t("templateHeading")}</h2>
      <p>{t("templateLead")}</p>
      <ul>
        <li>
          <a href={templateUrl("xlsx")} download>
            {t("templateXlsx")}
          </a>
        </li>
        <li>
          <a href={templateUrl("csv")} download>
            {t("templateCsv")}
          </a>
        </li>
      </ul>
      <p>{t("rules")}</p>
      <h2>{t("uploadHeading")}</h2>
      {isEditable(application.status) ? <ImportForm locale={locale} missionId={application.id} /> : <p className="notice">{t("notEditable")}</p>}
    </>
  );
}

import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { isEditable } from "@/lib/accreditation/rules";
import { applicationPageMetadata, loadApplicationPage } from "../../application-page";
import { PhotosForm } from "./photos-form";

type Props = PageProps<"/[locale]/portal/applications/[missionId]/observers/photos">;

export const generateMetadata = applicationPageMetadata("photosTitle");

/** Photos for imported observers, many at once: a ZIP of files named by passport number. */
export default async function ObserverPhotosPage({ params }: Props) {
  const { locale, application } = await loadApplicationPage(params, "/observers/photos");
  const t = await getTranslations("observerPhotos");
  return (
    <>
      <p>
        <Link href={`/portal/applications/${application.id}/observers`}>{t("backToObservers")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <ul>
        <li>{t("ruleNames")}</li>
        <li>{t("ruleFormat")}</li>
        <li>{t("ruleSize")}</li>
      </ul>
      <p>{t("withoutPhoto", { count: application.counts.withoutPhoto })}</p>
      {isEditable(application.status) ? <PhotosForm locale={locale} missionId={application.id} /> : <p className="notice">{t("notEditable")}</p>}
    </>
  );
}

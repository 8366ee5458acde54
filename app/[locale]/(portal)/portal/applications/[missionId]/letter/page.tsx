import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { isEditable } from "@/lib/accreditation/rules";
import { applicationPageMetadata, loadApplicationPage } from "../application-page";
import { LetterForm } from "./letter-form";

type Props = PageProps<"/[locale]/portal/applications/[missionId]/letter">;

export const generateMetadata = applicationPageMetadata("letterTitle");

/** Step 2: the organization's official request for accreditation, as a signed PDF. */
export default async function LetterPage({ params }: Props) {
  const { locale, application } = await loadApplicationPage(params, "/letter");
  const t = await getTranslations("applications");
  const kilobytes = application.letter ? Math.max(1, Math.round(application.letter.byteSize / 1024)) : 0;
  return (
    <>
      <p>
        <Link href={`/portal/applications/${application.id}`}>{t("backToApplication")}</Link>
      </p>
      <h1>{t("letterTitle")}</h1>
      <p className="lead">{t("letterLead")}</p>
      {application.letter && (
        <p>
          {t("currentLetter")}{" "}
          <a href={`/api/applications/${application.id}/letter`} download>
            {application.letter.name}
          </a>{" "}
          ({t("kilobytes", { count: kilobytes })})
        </p>
      )}
      {isEditable(application.status) ? (
        <LetterForm locale={locale} missionId={application.id} hasLetter={application.letter !== null} />
      ) : (
        <p className="notice">{t("refusals.notEditable")}</p>
      )}
    </>
  );
}

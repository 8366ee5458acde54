import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { electionDatesOf } from "@/lib/accreditation/intake";
import { observerFields } from "@/lib/accreditation/observer-schema";
import { acceptsAmendments, isEditable } from "@/lib/accreditation/rules";
import { applicationPageMetadata, loadApplicationPage } from "../../application-page";
import { ObserverForm } from "../observer-form";
import { observerOptions } from "../observer-options";

type Props = PageProps<"/[locale]/portal/applications/[missionId]/observers/new">;

export const generateMetadata = applicationPageMetadata("addObserverTitle");

export default async function NewObserverPage({ params }: Props) {
  const { locale, application } = await loadApplicationPage(params, "/observers/new");
  const t = await getTranslations("observers");
  const amendment = acceptsAmendments(application.status);
  const back = `/portal/applications/${application.id}/observers`;
  return (
    <>
      <p>
        <Link href={back}>{t("backToObservers")}</Link>
      </p>
      <h1>{t("addTitle")}</h1>
      {isEditable(application.status) || amendment ? (
        <>
          <p className="lead">{amendment ? t("addLeadAmendment") : t("addLead")}</p>
          <ObserverForm
            locale={locale}
            missionId={application.id}
            election={electionDatesOf(application.election)}
            initial={Object.fromEntries(observerFields.map((field) => [field, ""])) as Record<(typeof observerFields)[number], string>}
            photoRequired={amendment}
            hasPhoto={false}
            {...await observerOptions(locale)}
          />
        </>
      ) : (
        <p className="notice">{t("notEditable")}</p>
      )}
    </>
  );
}

import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { electionDatesOf } from "@/lib/accreditation/intake";
import { deploymentRegions, missionTypes, workingLanguages } from "@/lib/accreditation/vocabulary";
import { isEditable } from "@/lib/accreditation/rules";
import { formatDay } from "@/lib/i18n/format";
import { applicationPageMetadata, loadApplicationPage } from "../application-page";
import { MissionForm } from "./mission-form";

type Props = PageProps<"/[locale]/portal/applications/[missionId]/mission">;

export const generateMetadata = applicationPageMetadata("missionTitle");

/** Step 1: who the mission is, when it comes, where it goes, and how to reach it. */
export default async function MissionDetailsPage({ params }: Props) {
  const { locale, application } = await loadApplicationPage(params, "/mission");
  const [t, v] = await Promise.all([getTranslations("applications"), getTranslations("vocabulary")]);
  const languageNames = new Intl.DisplayNames([locale], { type: "language", fallback: "code" });
  const collator = new Intl.Collator(locale);
  const back = `/portal/applications/${application.id}`;
  if (!isEditable(application.status)) {
    return (
      <>
        <p>
          <Link href={back}>{t("backToApplication")}</Link>
        </p>
        <h1>{t("missionTitle")}</h1>
        <p className="notice">{t("refusals.notEditable")}</p>
      </>
    );
  }
  return (
    <>
      <p>
        <Link href={back}>{t("backToApplication")}</Link>
      </p>
      <h1>{t("missionTitle")}</h1>
      <p className="lead">
        {t("missionLead", {
          from: formatDay(application.election.observationStartsOn, locale),
          to: formatDay(application.election.observationEndsOn, locale),
        })}
      </p>
      <MissionForm
        locale={locale}
        missionId={application.id}
        election={electionDatesOf(application.election)}
        initial={{
          name: application.name ?? "",
          type: application.type ?? "",
          plannedArrivalOn: application.plannedArrivalOn ?? "",
          plannedDepartureOn: application.plannedDepartureOn ?? "",
          regions: application.regions,
          contactPerson: application.contactPerson ?? "",
          phone: application.phone ?? "",
          email: application.email ?? "",
          workingLanguages: application.workingLanguages,
        }}
        typeOptions={missionTypes.map((type) => ({ value: type, label: v(`missionTypes.${type}`) }))}
        regionOptions={deploymentRegions.map((region) => ({ value: region, label: v(`regions.${region}`) }))}
        languageOptions={workingLanguages
          .map((code) => ({ value: code, label: languageNames.of(code) ?? code }))
          .sort((a, b) => collator.compare(a.label, b.label))}
      />
    </>
  );
}

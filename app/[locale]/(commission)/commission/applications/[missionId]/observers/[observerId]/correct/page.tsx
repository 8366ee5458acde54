import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { getObserverForCorrection } from "@/lib/accreditation/review/corrections";
import { localeOf } from "@/lib/i18n/locale";
import { requirePermission } from "@/lib/identity/session";
import { CorrectionForm } from "./correction-form";

type Props = PageProps<"/[locale]/commission/applications/[missionId]/observers/[observerId]/correct">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "review.correction" });
  return { title: t("title"), robots: { index: false } };
}

/** The commission corrects an accredited observer's name or photo; the badge is re-issued. */
export default async function CorrectObserverPage({ params }: Props) {
  const { missionId, observerId } = await params;
  const locale = await localeOf(params);
  const actor = await requirePermission("decide:observer", locale, `/commission/applications/${missionId}/observers/${observerId}/correct`);
  const observer = await getObserverForCorrection(actor, missionId, observerId);
  if (!observer) notFound();
  const [t, o] = await Promise.all([getTranslations("review"), getTranslations("observers")]);
  const name = `${observer.surname}, ${observer.givenNames}`;
  return (
    <>
      <p>
        <Link href={`/commission/applications/${missionId}`}>{t("correction.back")}</Link>
      </p>
      <h1>{t("correction.heading", { name })}</h1>
      <p className="lead">{t("correction.lead", { number: observer.accreditationNumber ?? "" })}</p>
      {observer.hasPhoto && (
        // A private photo behind an access check.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={`/api/observers/${observer.id}/photo`} alt={o("photoAlt", { name })} width={160} height={200} className="observer-photo" />
      )}
      <CorrectionForm
        locale={locale}
        missionId={missionId}
        observer={`${observer.id}:${observer.version}`}
        initial={{ surname: observer.surname, givenNames: observer.givenNames, cyrillicName: observer.cyrillicName ?? "" }}
      />
    </>
  );
}

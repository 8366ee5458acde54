import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AccreditationNumber } from "@/components/accreditation/accreditation-number";
import { ObserverStatusBadge } from "@/components/accreditation/status";
import { Link } from "@/i18n/navigation";
import { electionDatesOf } from "@/lib/accreditation/intake";
import { getOwnObserver } from "@/lib/accreditation/queries";
import { isObserverEditable } from "@/lib/accreditation/rules";
import { formatDay } from "@/lib/i18n/format";
import { countryNamer } from "@/lib/organizations/countries";
import { applicationPageMetadata, loadApplicationPage } from "../../application-page";
import { ObserverForm } from "../observer-form";
import { OwnAccess } from "./own-access";
import { observerOptions } from "../observer-options";

type Props = PageProps<"/[locale]/portal/applications/[missionId]/observers/[observerId]">;

export const generateMetadata = applicationPageMetadata("observerTitle");

/** One observer: corrected while the application is the coordinator's to edit, otherwise shown. */
export default async function ObserverPage({ params, searchParams }: Props) {
  const { observerId } = await params;
  const { locale, actor, application } = await loadApplicationPage(params, `/observers/${observerId}`);
  const observer = await getOwnObserver(actor, application.id, observerId);
  if (!observer) notFound();
  const [t, v] = await Promise.all([getTranslations("observers"), getTranslations("vocabulary")]);
  const access = [(await searchParams).access].flat()[0];
  const name = `${observer.surname}, ${observer.givenNames}`;
  const photoUrl = `/api/observers/${observer.id}/photo`;
  return (
    <>
      <p>
        <Link href={`/portal/applications/${application.id}/observers`}>{t("backToObservers")}</Link>
      </p>
      <h1>{name}</h1>
      <p>
        <ObserverStatusBadge status={observer.status} />
      </p>
      {observer.accreditationNumber && (
        <p>
          <AccreditationNumber number={observer.accreditationNumber} status={observer.status} />
        </p>
      )}
      {(observer.reasonCode || observer.statusReason) && (
        <p className="notice">
          {t("reason", { reason: [observer.reasonCode && v(`decisionReasons.${observer.reasonCode}`), observer.statusReason].filter(Boolean).join(": ") })}
        </p>
      )}
      {observer.hasPhoto && (
        // A private photo behind an access check: next/image would cache it on the server.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={photoUrl} alt={t("photoAlt", { name })} width={160} height={200} className="observer-photo" />
      )}
      {isObserverEditable(application.status, observer.status) ? (
        <ObserverForm
          locale={locale}
          missionId={application.id}
          election={electionDatesOf(application.election)}
          observerId={observer.id}
          initial={{
            surname: observer.surname,
            givenNames: observer.givenNames,
            cyrillicName: observer.cyrillicName ?? "",
            sex: observer.sex,
            dateOfBirth: observer.dateOfBirth,
            nationality: observer.nationality,
            passportNumber: observer.passportNumber,
            passportExpiresOn: observer.passportExpiresOn,
            role: observer.role,
            arrivalOn: observer.arrivalOn,
            departureOn: observer.departureOn,
            email: observer.email ?? "",
          }}
          photoRequired={false}
          hasPhoto={observer.hasPhoto}
          {...await observerOptions(locale)}
        />
      ) : (
        <dl className="summary-list">
          {/* The form's label says "(optional)"; a record that is only read has nothing to fill in. */}
          <dt>{t("cyrillicName")}</dt>
          <dd>{observer.cyrillicName ?? "—"}</dd>
          <dt>{t("fields.sex")}</dt>
          <dd>{v(`sexes.${observer.sex}`)}</dd>
          <dt>{t("fields.dateOfBirth")}</dt>
          <dd>{formatDay(observer.dateOfBirth, locale)}</dd>
          <dt>{t("fields.nationality")}</dt>
          <dd>{countryNamer(locale)(observer.nationality)}</dd>
          <dt>{t("fields.passportNumber")}</dt>
          <dd>{observer.passportNumber}</dd>
          <dt>{t("fields.passportExpiresOn")}</dt>
          <dd>{formatDay(observer.passportExpiresOn, locale)}</dd>
          <dt>{t("fields.role")}</dt>
          <dd>{v(`observerRoles.${observer.role}`)}</dd>
          <dt>{t("stay")}</dt>
          <dd>
            {formatDay(observer.arrivalOn, locale)} – {formatDay(observer.departureOn, locale)}
          </dd>
        </dl>
      )}
      <OwnAccess actor={actor} locale={locale} missionId={application.id} observer={observer} notice={access} />
    </>
  );
}

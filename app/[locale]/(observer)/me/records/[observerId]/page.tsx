import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Notice } from "@/components/forms/notice";
import { Link } from "@/i18n/navigation";
import { localeOf } from "@/lib/i18n/locale";
import { requirePermission } from "@/lib/identity/session";
import { auditRefusedAccess, getOwnRecord, isOwnRecordEditable, ownRecordDates } from "@/lib/observers/own-record";
import { clientIp } from "@/lib/request-context";
import { observerOptions } from "@/app/[locale]/(portal)/portal/applications/[missionId]/observers/observer-options";
import { RecordSummary } from "../../record-summary";
import { OwnDetailsForm } from "./own-details-form";
import { PassportDetails } from "../../passport-details";

type Props = PageProps<"/[locale]/me/records/[observerId]">;

export async function generateMetadata({ params }: Props) {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "observerAccess.me" });
  return { title: t("detailsHeading"), robots: { index: false } };
}

/**
 * One of the observer's own records: its status, and the passport details and photo they
 * complete themselves until the coordinator submits; read-only after that. Anyone else's id is a
 * 404, and the attempt is audited.
 */
export default async function OwnRecordPage({ params, searchParams }: Props) {
  const locale = await localeOf(params);
  const { observerId } = await params;
  const actor = await requirePermission("complete:own-record", locale, `/me/records/${observerId}`);
  const record = await getOwnRecord(actor, observerId, locale);
  if (!record) {
    await auditRefusedAccess(actor, "record", observerId, await clientIp());
    notFound();
  }
  const t = await getTranslations("observerAccess.me");
  const saved = (await searchParams).notice === "saved";
  const name = `${record.surname}, ${record.givenNames}`;
  return (
    <>
      <p>
        <Link href="/me">{t("back")}</Link>
      </p>
      {saved && <Notice>{t("notices.saved")}</Notice>}
      <h1>{name}</h1>
      <RecordSummary record={record} locale={locale} />
      <h2>{t("detailsHeading")}</h2>
      {record.hasPhoto && (
        // A private photo behind an access check: next/image would cache it on the server.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={`/api/observers/${record.id}/photo`} alt={t("photoAlt", { name })} width={160} height={200} className="observer-photo" />
      )}
      {isOwnRecordEditable(record) ? (
        <>
          <p>{t("editLead")}</p>
          <OwnDetailsForm
            locale={locale}
            observerId={record.id}
            dates={ownRecordDates(record)}
            initial={{
              surname: record.surname,
              givenNames: record.givenNames,
              cyrillicName: record.cyrillicName ?? "",
              sex: record.sex,
              dateOfBirth: record.dateOfBirth,
              nationality: record.nationality,
              passportNumber: record.passportNumber,
              passportExpiresOn: record.passportExpiresOn,
            }}
            hasPhoto={record.hasPhoto}
            {...await observerOptions(locale)}
          />
        </>
      ) : (
        <>
          <p className="notice">{t("lockedNote")}</p>
          <dl className="summary-list">
            <PassportDetails details={record} locale={locale} />
          </dl>
        </>
      )}
    </>
  );
}

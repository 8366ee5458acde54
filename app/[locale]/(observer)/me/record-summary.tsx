import { getTranslations } from "next-intl/server";
import { ObserverStatusBadge } from "@/components/accreditation/status";
import type { Locale } from "@/i18n/routing";
import { formatDay } from "@/lib/i18n/format";
import { missingItems, type OwnRecord } from "@/lib/observers/own-record";

/** One accreditation as its observer follows it: where, what the Commission decided, what is missing. */
export async function RecordSummary({ record, locale }: { record: OwnRecord; locale: Locale }) {
  const [t, v] = await Promise.all([getTranslations("observerAccess.me"), getTranslations("vocabulary")]);
  const missing = record.status === "pending" ? missingItems(record) : [];
  const reason = [record.reasonCode && v(`decisionReasons.${record.reasonCode}`), record.statusReason].filter(Boolean).join(": ");
  return (
    <>
      <dl className="summary-list">
        <dt>{t("election")}</dt>
        <dd>{record.electionTitle}</dd>
        <dt>{t("mission")}</dt>
        <dd>{record.missionName ?? "—"}</dd>
        <dt>{t("organization")}</dt>
        <dd>{record.organization}</dd>
        <dt>{t("role")}</dt>
        <dd>{v(`observerRoles.${record.role}`)}</dd>
        <dt>{t("stay")}</dt>
        <dd>
          {formatDay(record.arrivalOn, locale)} – {formatDay(record.departureOn, locale)}
        </dd>
        <dt>{t("status")}</dt>
        <dd>
          <ObserverStatusBadge status={record.status} />
        </dd>
        {reason && (
          <>
            <dt>{t("reason")}</dt>
            <dd>{reason}</dd>
          </>
        )}
        {record.accreditationNumber && (
          <>
            <dt>{t("accreditationNumber")}</dt>
            <dd>{record.accreditationNumber}</dd>
          </>
        )}
        <dt>{t("photo")}</dt>
        <dd>{record.hasPhoto ? t("photoYes") : t("photoMissing")}</dd>
      </dl>
      {record.status === "pending" &&
        (missing.length > 0 ? (
          <>
            <h3>{t("missingHeading")}</h3>
            <ul>
              {missing.map((item) => (
                <li key={item}>{t(`missing.${item}`)}</li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t("nothingMissing")}</p>
        ))}
      {record.hasBadge && (
        <p>
          <a href={`/api/observers/${record.id}/badge?locale=${locale}`} download className="button">
            {t("downloadBadge")}
          </a>
        </p>
      )}
    </>
  );
}

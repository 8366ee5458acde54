import { getTranslations } from "next-intl/server";
import { auditActionLabels } from "@/lib/audit/action-labels";
import { Link } from "@/i18n/navigation";
import { formatDay, formatInstant } from "@/lib/i18n/format";
import { localeOf } from "@/lib/i18n/locale";
import { requirePermission } from "@/lib/identity/session";
import { personalDataOf, whoHandledMyData } from "@/lib/observers/privacy";
import { PassportDetails } from "../passport-details";
import { TableWrap } from "@/components/data/table-wrap";
import { ownLanguageNames } from "@/lib/i18n/own-language-names";

export async function generateMetadata({ params }: PageProps<"/[locale]/me/privacy">) {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "observerAccess.privacy" });
  return { title: t("title"), robots: { index: false } };
}

/**
 * The observer's personal data as a readable page (printable), the same as the JSON download,
 * and who at the commission or the mission viewed or changed it, by role.
 */
export default async function MyPersonalDataPage({ params }: PageProps<"/[locale]/me/privacy">) {
  const locale = await localeOf(params);
  const actor = await requirePermission("complete:own-record", locale, "/me/privacy");
  const [t, o, v, actionLabel, data, handled] = await Promise.all([
    getTranslations("observerAccess.privacy"),
    getTranslations("observers"),
    getTranslations("vocabulary"),
    auditActionLabels(),
    personalDataOf(actor),
    whoHandledMyData(actor),
  ]);
  const roleLabel = (role: string | null) => (role === "coordinator" || role === "reviewer" || role === "admin" || role === "observer" ? t(`roles.${role}`) : "—");
  return (
    <>
      <p>
        <Link href="/me">{t("back")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <p>
        <a href="/api/me/personal-data" download className="button button--secondary">
          {t("downloadJson")}
        </a>
      </p>

      <h2>{t("account")}</h2>
      <dl className="summary-list">
        <dt>{t("name")}</dt>
        <dd>{data.account.name}</dd>
        <dt>{t("email")}</dt>
        <dd>{data.account.email}</dd>
        <dt>{t("language")}</dt>
        <dd>{ownLanguageNames[data.account.preferredLocale]}</dd>
        <dt>{t("createdAt")}</dt>
        <dd>{formatInstant(data.account.createdAt, locale)}</dd>
      </dl>

      {data.records.map((record) => (
        <section key={record.id} aria-labelledby={`data-${record.id}`}>
          <h2 id={`data-${record.id}`}>{t("recordHeading", { election: record.election })}</h2>
          <dl className="summary-list">
            <dt>{t("organization")}</dt>
            <dd>{record.organization}</dd>
            <PassportDetails details={record} locale={locale} />
            <dt>{o("fields.role")}</dt>
            <dd>{v(`observerRoles.${record.role}`)}</dd>
            <dt>{o("stay")}</dt>
            <dd>
              {formatDay(record.arrivalOn, locale)} – {formatDay(record.departureOn, locale)}
            </dd>
            <dt>{o("fields.email")}</dt>
            <dd>{record.email ?? "—"}</dd>
            <dt>{o("fields.photo")}</dt>
            <dd>{record.hasPhoto ? t("photoHeld") : "—"}</dd>
            <dt>{o("status")}</dt>
            <dd>{o(`statuses.${record.status}`)}</dd>
            <dt>{t("accreditationNumber")}</dt>
            <dd>{record.accreditationNumber ?? "—"}</dd>
          </dl>
        </section>
      ))}

      <h2>{t("handledHeading")}</h2>
      <p>{t("handledLead")}</p>
      {handled.length === 0 ? (
        <p>{t("noneHandled")}</p>
      ) : (
        <TableWrap label={t("handledHeading")}>
          <table className="responsive">
            <caption className="visually-hidden">{t("handledHeading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("when")}</th>
                <th scope="col">{t("who")}</th>
                <th scope="col">{t("what")}</th>
              </tr>
            </thead>
            <tbody>
              {handled.map((event, index) => (
                <tr key={index}>
                  <td data-label={t("when")}>{formatInstant(event.occurredAt, locale)}</td>
                  <td data-label={t("who")}>{roleLabel(event.actorRole)}</td>
                  <td data-label={t("what")}>{actionLabel(event.action)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}

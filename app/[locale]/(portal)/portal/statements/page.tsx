import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { formatInstant } from "@/lib/i18n/format";
import { localeOf } from "@/lib/i18n/locale";
import { pageMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { publishingNow } from "@/lib/statements/clock";
import { listOwnStatements } from "@/lib/statements/drafting";
import { shownStatusAt } from "@/lib/statements/vocabulary";
import { TableWrap } from "@/components/data/table-wrap";

const path = "/portal/statements";

export const generateMetadata = pageMetadata("statements", "listTitle", path);

/** The organization's statements with where each stands, and the way to draft one. */
export default async function OwnStatementsPage({ params }: PageProps<"/[locale]/portal/statements">) {
  const locale = await localeOf(params);
  const actor = await requirePermission("draft:statements", locale, path);
  const [t, rows] = await Promise.all([getTranslations("statements"), listOwnStatements(actor, locale)]);
  const now = publishingNow();
  return (
    <>
      <h1>{t("listTitle")}</h1>
      <p className="lead">{t("listLead")}</p>
      <p className="page-actions">
        <Link href="/portal/statements/new" className="button">
          {t("newTitle")}
        </Link>
      </p>
      {rows.length === 0 ? (
        <p>{t("noStatements")}</p>
      ) : (
        <TableWrap label={t("listTitle")}>
          <table className="responsive">
            <caption className="visually-hidden">{t("listTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("fields.title")}</th>
                <th scope="col">{t("fields.kind")}</th>
                <th scope="col">{t("mission")}</th>
                <th scope="col">{t("version")}</th>
                <th scope="col">{t("status")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td data-label={t("fields.title")}>
                    <Link href={`/portal/statements/${row.id}`}>{row.title}</Link>
                  </td>
                  <td data-label={t("fields.kind")}>{t(`kinds.${row.kind}`)}</td>
                  <td data-label={t("mission")}>
                    {row.missionName} · {row.electionTitle}
                  </td>
                  <td data-label={t("version")}>{row.number}</td>
                  <td data-label={t("status")}>
                    {t(`statuses.${shownStatusAt(row, now)}`)}
                    {row.publishedAt && ` · ${formatInstant(row.publishedAt, locale)}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}

import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { WorkspaceSummary } from "@/components/layout/workspace-summary";
import { Link } from "@/i18n/navigation";
import { getReviewDashboard } from "@/lib/accreditation/review/dashboard";
import { formatDay } from "@/lib/i18n/format";
import { localeOf } from "@/lib/i18n/locale";
import { pageMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { ExportsLink } from "./exports/exports-link";

export const generateMetadata = pageMetadata("workspace", "commissionTitle", "/commission");

const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

/** The commission staff's workspace: what waits for a decision, what is late, who is accredited and arriving. */
export default async function CommissionWorkspacePage({ params }: PageProps<"/[locale]/commission">) {
  const locale = await localeOf(params);
  const actor = await requirePermission("enter:commission-workspace", locale, "/commission");
  const [t, dashboard] = await Promise.all([getTranslations("workspace"), getReviewDashboard(actor, locale)]);
  return (
    <>
      <h1>{t("commissionTitle")}</h1>
      <p className="lead">{t("commissionLead")}</p>
      <ul className="figures">
        <li>
          <Link href="/commission/applications">
            {t.rich("figures.waiting", { count: dashboard.waiting, strong })}
          </Link>
        </li>
        <li>
          <Link href={{ pathname: "/commission/applications", query: { view: "submitted", overdue: "1" } }}>
            {t.rich("figures.overdue", { count: dashboard.overdue, strong })}
          </Link>
        </li>
        <li>
          {t.rich("figures.observersPending", { count: dashboard.observersPending, strong })}
        </li>
      </ul>
      <h2>{t("accreditedHeading")}</h2>
      {dashboard.byElection.length === 0 ? (
        <p>{t("noneAccredited")}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t("accreditedHeading")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("election")}</th>
              <th scope="col">{t("electionDay")}</th>
              <th scope="col">{t("accredited")}</th>
            </tr>
          </thead>
          <tbody>
            {dashboard.byElection.map((row) => (
              <tr key={row.electionId}>
                <td>{row.title}</td>
                <td>{formatDay(row.electionDay, locale)}</td>
                <td>{row.accredited}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ExportsLink role={actor.role} />
      <h2>{t("arrivalsHeading")}</h2>
      {dashboard.arrivals.length === 0 ? (
        <p>{t("noArrivals")}</p>
      ) : (
        <ul>
          {dashboard.arrivals.map((row) => (
            <li key={row.day}>{t("arrivalsOn", { date: formatDay(row.day, locale), count: row.arriving })}</li>
          ))}
        </ul>
      )}
      <h2>{t("accountHeading")}</h2>
      <WorkspaceSummary actor={actor} locale={locale} />
    </>
  );
}

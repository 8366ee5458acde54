import { getTranslations } from "next-intl/server";
import { ApplicationStatusBadge } from "@/components/accreditation/status";
import { WorkspaceSummary } from "@/components/layout/workspace-summary";
import { Link } from "@/i18n/navigation";
import { listElectionsToApply, listOwnApplications } from "@/lib/accreditation/queries";
import { electionPhase } from "@/lib/elections/phase";
import { formatDay, formatInstant } from "@/lib/i18n/format";
import { localeOf } from "@/lib/i18n/locale";
import { pageMetadata } from "@/lib/i18n/metadata";
import { requirePermission } from "@/lib/identity/session";
import { TableWrap } from "@/components/data/table-wrap";

export const generateMetadata = pageMetadata("workspace", "coordinatorTitle", "/portal");

/** The coordinator's workspace: the organization's applications and the elections it may apply to. */
export default async function CoordinatorWorkspacePage({ params }: PageProps<"/[locale]/portal">) {
  const locale = await localeOf(params);
  const actor = await requirePermission("enter:coordinator-workspace", locale, "/portal");
  const [t, a, applications, elections] = await Promise.all([
    getTranslations("workspace"),
    getTranslations("applications"),
    listOwnApplications(actor, locale),
    listElectionsToApply(actor, locale),
  ]);
  const toApply = elections.filter((election) => !election.missionId);
  return (
    <>
      <h1>{t("coordinatorTitle")}</h1>
      <p className="lead">{t("coordinatorLead")}</p>

      <h2>{a("yourApplications")}</h2>
      {applications.length === 0 ? (
        <p>{a("noApplications")}</p>
      ) : (
        <TableWrap label={a("yourApplications")}>
          <table className="responsive">
            <caption className="visually-hidden">{a("yourApplications")}</caption>
            <thead>
              <tr>
                <th scope="col">{a("election")}</th>
                <th scope="col">{a("mission")}</th>
                <th scope="col">{a("status")}</th>
                <th scope="col">{a("observerCount")}</th>
                <th scope="col">{a("decisionDue")}</th>
              </tr>
            </thead>
            <tbody>
              {applications.map((application) => (
                <tr key={application.id}>
                  <td data-label={a("election")}>
                    <Link href={`/portal/applications/${application.id}`}>{application.electionTitle}</Link>
                  </td>
                  <td data-label={a("mission")}>{application.name ?? a("unnamedMission")}</td>
                  <td data-label={a("status")}>
                    <ApplicationStatusBadge status={application.status} />
                  </td>
                  <td data-label={a("observerCount")}>{application.observerCount}</td>
                  <td data-label={a("decisionDue")}>
                    {application.decisionDueOn && application.status === "submitted" ? formatDay(application.decisionDueOn, locale) : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      <h2>{a("electionsHeading")}</h2>
      {toApply.length === 0 ? (
        <p>{a("noElections")}</p>
      ) : (
        <ul className="section-list">
          {toApply.map((election) => {
            const phase = electionPhase(election);
            return (
              <li key={election.id}>
                <Link href={`/portal/elections/${election.id}/apply`}>{election.title}</Link>
                <p>{a("electionDay", { date: formatDay(election.electionDay, locale) })}</p>
                <p>
                  {phase === "accreditationOpen"
                    ? a("windowOpenUntil", { date: formatInstant(election.accreditationClosesAt, locale) })
                    : phase === "accreditationNotOpen"
                      ? a("windowOpensOn", { date: formatInstant(election.accreditationOpensAt, locale) })
                      : a("windowClosedOn", { date: formatInstant(election.accreditationClosesAt, locale) })}
                </p>
              </li>
            );
          })}
        </ul>
      )}

      <h2>{t("accountHeading")}</h2>
      <WorkspaceSummary actor={actor} locale={locale} />
    </>
  );
}

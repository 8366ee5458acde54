import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { auditActionLabels } from "@/lib/audit/action-labels";
import { ApplicationStatusBadge } from "@/components/accreditation/status";
import { Notice } from "@/components/forms/notice";
import { Link } from "@/i18n/navigation";
import { getApplicationForReview, listApplicationHistory, listObserversForReview, recordApplicationViewed, reviewObserverFilters } from "@/lib/accreditation/review/application";
import { decisionReasons } from "@/lib/accreditation/vocabulary";
import { issuesFor } from "@/lib/accreditation/intake";
import { verificationPath } from "@/lib/badges/links";
import { formatDay, formatInstant } from "@/lib/i18n/format";
import { localeOf } from "@/lib/i18n/locale";
import { requirePermission } from "@/lib/identity/session";
import { parseListQuery } from "@/lib/listing";
import { countryNamer } from "@/lib/organizations/countries";
import { clientIp } from "@/lib/request-context";
import { ApplicationDecisions } from "./application-decisions";
import { ObserverDecisions } from "./observer-decisions";

type Props = PageProps<"/[locale]/commission/applications/[missionId]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "review" });
  return { title: t("applicationTitle"), robots: { index: false } };
}

const notices = ["changesRequested", "approved", "rejected", "accredited", "refused", "revoked", "corrected"] as const;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/** One application for a reviewer: every detail, the observers with the intake findings, the decisions, the history. */
export default async function ReviewApplicationPage({ params, searchParams }: Props) {
  const { missionId } = await params;
  const locale = await localeOf(params);
  const actor = await requirePermission("review:applications", locale, `/commission/applications/${missionId}`);
  const application = await getApplicationForReview(actor, missionId, locale);
  if (!application) notFound();
  const unverified = await searchParams;
  const query = parseListQuery(unverified, { sortable: ["name"], defaultSort: "name", defaultDir: "asc", pageSize: 200 });
  const filter = reviewObserverFilters.find((f) => f === first(unverified.filter)) ?? "all";
  const [t, v, validation, actionLabel, observers, history] = await Promise.all([
    getTranslations("review"),
    getTranslations("vocabulary"),
    getTranslations("validation"),
    auditActionLabels(),
    listObserversForReview(actor, application, { ...query, filter }),
    listApplicationHistory(actor, application.id),
    recordApplicationViewed(actor, application.id, await clientIp()),
  ]);
  const country = countryNamer(locale);
  const currentBadges = observers.rows.flatMap((o) =>
    o.status === "accredited" && o.badgeToken ? [{ id: o.id, token: o.badgeToken, accreditationNumber: o.accreditationNumber, name: `${o.surname}, ${o.givenNames}` }] : [],
  );
  const notice = notices.find((n) => n === first(unverified.notice));
  const languageNames = new Intl.DisplayNames([locale], { type: "language", fallback: "code" });
  const base = `/commission/applications/${application.id}`;

  return (
    <>
      <p>
        <Link href="/commission/applications">{t("backToQueue")}</Link>
      </p>
      {notice && <Notice>{t(`notices.${notice}`, { count: Number(first(unverified.count)) || 0 })}</Notice>}
      <h1>
        {application.organization.acronym}: {application.name}
      </h1>
      <p className="lead">
        {application.organization.name} — {application.election.title}
      </p>
      <dl className="summary-list panel">
        <dt>{t("status")}</dt>
        <dd>
          <ApplicationStatusBadge status={application.status} />
        </dd>
        {application.submittedAt && (
          <>
            <dt>{t("submittedAt")}</dt>
            <dd>{formatInstant(application.submittedAt, locale)}</dd>
          </>
        )}
        {application.status === "submitted" && application.decisionDueOn && (
          <>
            <dt>{t("decisionDueOn")}</dt>
            <dd>{formatDay(application.decisionDueOn, locale)}</dd>
          </>
        )}
        <dt>{t("observers")}</dt>
        <dd>{t("observerCounts", { pending: application.counts.pending, total: application.counts.observers })}</dd>
        {application.rejectionReason && (
          <>
            <dt>{t("rejectionReason")}</dt>
            <dd>{application.rejectionReason}</dd>
          </>
        )}
      </dl>

      <h2>{t("detailsHeading")}</h2>
      <dl className="summary-list">
        <dt>{t("missionType")}</dt>
        <dd>{application.type ? v(`missionTypes.${application.type}`) : "—"}</dd>
        <dt>{t("plannedStay")}</dt>
        <dd>
          {application.plannedArrivalOn && application.plannedDepartureOn
            ? `${formatDay(application.plannedArrivalOn, locale)} – ${formatDay(application.plannedDepartureOn, locale)}`
            : "—"}
        </dd>
        <dt>{t("regions")}</dt>
        <dd>{application.regions.map((r) => v(`regions.${r as "ashgabat"}`)).join(", ")}</dd>
        <dt>{t("contact")}</dt>
        <dd>{[application.contactPerson, application.phone, application.email].filter(Boolean).join(", ")}</dd>
        <dt>{t("workingLanguages")}</dt>
        <dd>{application.workingLanguages.map((code) => languageNames.of(code) ?? code).join(", ")}</dd>
        <dt>{t("letter")}</dt>
        <dd>
          {application.letter ? (
            <a href={`/api/applications/${application.id}/letter`} download>
              {application.letter.name}
            </a>
          ) : (
            "—"
          )}
        </dd>
      </dl>

      <ApplicationDecisions locale={locale} missionId={application.id} version={application.version} status={application.status} pending={application.counts.pending} />

      <h2 id="observers-heading">{t("observersHeading")}</h2>
      <nav aria-label={t("observerFilterLabel")}>
        <ul className="view-tabs">
          {reviewObserverFilters.map((f) => (
            <li key={f}>
              <Link href={{ pathname: base, query: { filter: f } }} aria-current={f === filter ? "page" : undefined}>
                {t(`observerFilters.${f}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <ObserverDecisions
        locale={locale}
        missionId={application.id}
        missionVersion={application.version}
        missionStatus={application.status}
        total={observers.total}
        reasonOptions={decisionReasons.map((code) => ({ value: code, label: v(`decisionReasons.${code}`) }))}
        rows={observers.rows.map((o) => ({
          id: o.id,
          version: o.version,
          status: o.status,
          name: `${o.surname}, ${o.givenNames}`,
          cyrillicName: o.cyrillicName,
          hasPhoto: o.hasPhoto,
          facts: [
            v(`sexes.${o.sex}`),
            formatDay(o.dateOfBirth, locale),
            country(o.nationality),
            `${t("passport")} ${o.passportNumber} (${t("validUntil", { date: formatDay(o.passportExpiresOn, locale) })})`,
          ],
          role: v(`observerRoles.${o.role}`),
          stay: `${formatDay(o.arrivalOn, locale)} – ${formatDay(o.departureOn, locale)}`,
          statusLabel: t(`observerStatuses.${o.status}`),
          accreditationNumber: o.accreditationNumber,
          reason: o.reasonCode ? `${v(`decisionReasons.${o.reasonCode}`)}${o.statusReason ? `: ${o.statusReason}` : ""}` : null,
          isAmendment: o.isAmendment,
          findings: issuesFor("staff", o.findings).map((issue) => ({
            severity: issue.severity,
            text: validation(issue.code, issue.params),
          })),
        }))}
      />

      <h2>{t("badgesHeading")}</h2>
      {currentBadges.length === 0 ? (
        <p>{t("noBadges")}</p>
      ) : (
        <>
          <p>{t("badgesLead")}</p>
          <p>
            <a href={`/api/applications/${application.id}/badges?locale=${locale}`} className="button button--secondary" download>
              {t("printBadges")}
            </a>
          </p>
          <ul>
            {currentBadges.map((badge) => (
              <li key={badge.id}>
                {badge.accreditationNumber}: <a href={verificationPath(locale, badge.token)}>{t("verificationLink", { name: badge.name })}</a>
                {" · "}
                <a href={`/api/observers/${badge.id}/badge?locale=${locale}`} download>
                  {t("badgePdf", { name: badge.name })}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>{t("historyHeading")}</h2>
      <ol className="history">
        {history.map((entry, index) => (
          <li key={index}>
            <span className="row-note">{formatInstant(entry.at, locale)}</span>{" "}
            {entry.kind === "submission" && t("history.submission", { number: entry.number, count: entry.observerCount, due: formatDay(entry.decisionDueOn, locale) })}
            {entry.kind === "comment" && (
              <>
                {t("history.comment", { author: entry.author ?? "—" })}
                {entry.observers.length > 0 && ` (${entry.observers.join("; ")})`}: <q>{entry.body}</q>
              </>
            )}
            {entry.kind === "event" && t("history.event", { action: actionLabel(entry.action), actor: entry.actor ?? "—" })}
          </li>
        ))}
      </ol>
    </>
  );
}

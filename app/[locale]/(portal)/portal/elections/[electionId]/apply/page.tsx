import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { startApplicationAction } from "@/lib/accreditation/actions";
import { getElectionToApply } from "@/lib/accreditation/queries";
import { electionPhase } from "@/lib/elections/phase";
import { formatDay, formatInstant } from "@/lib/i18n/format";
import { localeOf } from "@/lib/i18n/locale";
import { requirePermission } from "@/lib/identity/session";

type Props = PageProps<"/[locale]/portal/elections/[electionId]/apply">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await localeOf(params), namespace: "applications" });
  return { title: t("startTitle"), robots: { index: false } };
}

/** Where an application begins: what the election asks of a mission, and whether it can apply now. */
export default async function StartApplicationPage({ params, searchParams }: Props) {
  const { electionId } = await params;
  const locale = await localeOf(params);
  const actor = await requirePermission("apply:accreditation", locale, `/portal/elections/${electionId}/apply`);
  const election = await getElectionToApply(actor, electionId, locale);
  if (!election) notFound();
  const t = await getTranslations("applications");
  const phase = electionPhase(election);
  const refusedJustNow = (await searchParams).notice === "windowClosed";

  return (
    <>
      <p>
        <Link href="/portal">{t("backToWorkspace")}</Link>
      </p>
      <h1>{t("startTitle")}</h1>
      <p className="lead">{election.title}</p>
      <dl className="summary-list">
        <dt>{t("electionDayLabel")}</dt>
        <dd>{formatDay(election.electionDay, locale)}</dd>
        <dt>{t("accreditationWindow")}</dt>
        <dd>
          {formatInstant(election.accreditationOpensAt, locale)} – {formatInstant(election.accreditationClosesAt, locale)}
        </dd>
        <dt>{t("observationWindow")}</dt>
        <dd>
          {formatDay(election.observationStartsOn, locale)} – {formatDay(election.observationEndsOn, locale)}
        </dd>
        <dt>{t("decisionTime")}</dt>
        <dd>{t("decisionTimeValue", { days: election.decisionWorkingDays })}</dd>
      </dl>

      {election.missionId ? (
        <p>
          <Link href={`/portal/applications/${election.missionId}`} className="button">
            {t("openExisting")}
          </Link>
        </p>
      ) : phase === "accreditationOpen" ? (
        <>
          <h2>{t("beforeYouStart")}</h2>
          <ul>
            <li>{t("needDetails")}</li>
            <li>{t("needLetter")}</li>
            <li>{t("needObservers")}</li>
          </ul>
          <p>{t("savedAsYouGo")}</p>
          <form action={startApplicationAction}>
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="electionId" value={election.id} />
            <button type="submit" className="button">
              {t("startButton")}
            </button>
          </form>
        </>
      ) : (
        <div className={refusedJustNow ? "notice notice--error" : "notice"} role={refusedJustNow ? "alert" : undefined}>
          <p>
            {phase === "accreditationNotOpen"
              ? t("windowOpensOn", { date: formatInstant(election.accreditationOpensAt, locale) })
              : t("windowClosedOn", { date: formatInstant(election.accreditationClosesAt, locale) })}
          </p>
        </div>
      )}
    </>
  );
}

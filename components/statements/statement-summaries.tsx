import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { formatInstant } from "@/lib/i18n/format";
import type { MissionStatements } from "@/lib/statements/by-mission";
import type { PublicStatementSummary } from "@/lib/statements/public";
import { StatementLink } from "./statement-link";

/** Statements as a list of links with kind, organization and date (the home page, an election's missions). */
export async function StatementSummaries({ statements, showElection = true }: { statements: PublicStatementSummary[]; showElection?: boolean }) {
  const [t, locale] = await Promise.all([getTranslations("statements"), getLocale() as Promise<Locale>]);
  return (
    <ul className="statement-summaries">
      {statements.map((s) => (
        <li key={s.id}>
          <StatementLink statement={s} locale={locale} />
          <span className="statement-list__meta">
            {` · ${t(`kinds.${s.kind}`)}${showElection ? ` · ${s.organization[locale]} · ${s.election.titles[locale]}` : ""} · `}
            <time dateTime={s.publishedAt}>{formatInstant(new Date(s.publishedAt), locale)}</time>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** An election's statements grouped by mission (groupByMission), each with a link to all of its own when it has more. */
export async function StatementsByMission({ missions, electionCode }: { missions: MissionStatements[]; electionCode: string }) {
  const [t, locale] = await Promise.all([getTranslations("publicStatements"), getLocale() as Promise<Locale>]);
  if (missions.length === 0) return <p>{t("noneForElection")}</p>;
  return (
    <ul className="mission-statements">
      {missions.map((mission) => (
        <li key={mission.missionId}>
          <h3>
            {mission.missionName} ({mission.organization[locale]})
          </h3>
          <StatementSummaries statements={mission.shown} showElection={false} />
          {mission.total > mission.shown.length && (
            <p>
              <Link href={{ pathname: "/statements", query: { election: electionCode, organization: mission.acronym } }}>{t("allOfMission", { count: mission.total })}</Link>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

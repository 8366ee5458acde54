import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { formatInstant } from "@/lib/i18n/format";
import type { PublicStatementSummary } from "@/lib/statements/public";

/** Statements as a list of links with kind, organization and date (the home page, an election's missions). */
export async function StatementSummaries({ statements, showElection = true }: { statements: PublicStatementSummary[]; showElection?: boolean }) {
  const [t, locale] = await Promise.all([getTranslations("statements"), getLocale() as Promise<Locale>]);
  return (
    <ul className="statement-summaries">
      {statements.map((s) => (
        <li key={s.id}>
          <Link href={`/statements/${s.id}`} lang={s.titleLanguage === "other" ? undefined : s.titleLanguage}>
            {s.title}
          </Link>
          <span className="statement-list__meta">
            {" "}
            · {t(`kinds.${s.kind}`)}
            {showElection && ` · ${s.organization[locale]} · ${s.election.titles[locale]}`} · <time dateTime={s.publishedAt}>{formatInstant(new Date(s.publishedAt), locale)}</time>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** An election's statements grouped by mission, each mission's in their natural order (needs assessment … final). */
export async function StatementsByMission({ statements }: { statements: PublicStatementSummary[] }) {
  const [t, locale] = await Promise.all([getTranslations("publicStatements"), getLocale() as Promise<Locale>]);
  if (statements.length === 0) return <p>{t("noneForElection")}</p>;
  const missions = new Map<string, PublicStatementSummary[]>();
  for (const s of statements) missions.set(s.missionId, [...(missions.get(s.missionId) ?? []), s]);
  return (
    <ul className="mission-statements">
      {[...missions.values()].map((list) => (
        <li key={list[0]!.missionId}>
          <h3>
            {list[0]!.missionName} ({list[0]!.organization[locale]})
          </h3>
          <StatementSummaries statements={list} showElection={false} />
        </li>
      ))}
    </ul>
  );
}

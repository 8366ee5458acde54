import { getTranslations } from "next-intl/server";
import { CurrentElections } from "@/components/public/current-elections";
import { MeetingSummaries } from "@/components/public/meeting-summaries";
import { PublicFigures } from "@/components/public/public-figures";
import { StatementSummaries } from "@/components/statements/statement-summaries";
import { Link } from "@/i18n/navigation";
import { localeOf } from "@/lib/i18n/locale";
import { pageMetadata } from "@/lib/i18n/metadata";
import { cachedCurrentElections, cachedCurrentTotals, cachedLatestMeetingSummaries } from "@/lib/public/cache";
import { renderedOnFirstRequest } from "@/lib/public/static-params";
import { cachedStatementPage } from "@/lib/statements/cache";

export const generateStaticParams = renderedOnFirstRequest;
// Cached: a publication or a passing embargo refreshes it within seconds (the Server Action, or
// lib/statements/publication-watch.ts); the five minutes only bound a change another server process
// made. Shorter, every page read in the meantime would be rendered again each time, surge or not.
export const revalidate = 300;

export const generateMetadata = pageMetadata("home", "title", "/");

/** The public front page: sections a later feature (statements, meeting summaries) adds to. */
export default async function HomePage({ params }: PageProps<"/[locale]">) {
  const locale = await localeOf(params);
  const [t, meetings, words, elections, totals, summaries, latest] = await Promise.all([
    getTranslations("home"),
    getTranslations("publicMeetings"),
    getTranslations("publicStatements"),
    cachedCurrentElections(),
    cachedCurrentTotals(),
    cachedLatestMeetingSummaries(),
    cachedStatementPage(locale, {}, 1),
  ]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <section aria-labelledby="figures">
        <h2 id="figures">{t("figuresHeading")}</h2>
        <PublicFigures totals={totals} />
      </section>
      <section aria-labelledby="elections">
        <h2 id="elections">{t("currentHeading")}</h2>
        <CurrentElections elections={elections} />
        <p>
          <Link href="/elections">{t("allElections")}</Link>
        </p>
      </section>
      <section aria-labelledby="latest-statements">
        <h2 id="latest-statements">{words("latestHeading")}</h2>
        {latest.rows.length === 0 ? <p>{words("noneYet")}</p> : <StatementSummaries statements={latest.rows.slice(0, 5)} />}
        <p>
          <Link href="/statements">{words("allStatements")}</Link>
        </p>
      </section>
      <section aria-labelledby="meeting-summaries">
        <h2 id="meeting-summaries">{meetings("latestHeading")}</h2>
        <MeetingSummaries summaries={summaries} withElection />
      </section>
    </>
  );
}

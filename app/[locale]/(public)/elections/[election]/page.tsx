import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccreditedMissions } from "@/components/public/accredited-missions";
import { ElectionDates } from "@/components/public/election-dates";
import { ElectionPhaseBadge } from "@/components/public/election-phase";
import { MeetingSummaries } from "@/components/public/meeting-summaries";
import { PublicFigures } from "@/components/public/public-figures";
import { StatementsByMission } from "@/components/statements/statement-summaries";
import { Link } from "@/i18n/navigation";
import { localeOf } from "@/lib/i18n/locale";
import { localizedMetadata } from "@/lib/i18n/metadata";
import { cachedElectionMeetingSummaries } from "@/lib/public/cache";
import { cachedElectionStatements } from "@/lib/statements/cache";
import { registerOf } from "./election-register";
import { renderedOnFirstRequest } from "@/lib/public/static-params";

type Props = PageProps<"/[locale]/elections/[election]">;

export const generateStaticParams = renderedOnFirstRequest;
// Cached: a publication or a passing embargo refreshes it within seconds (the Server Action, or
// lib/statements/publication-watch.ts); the five minutes only bound a change another server process
// made. Shorter, every page read in the meantime would be rendered again each time, surge or not.
export const revalidate = 300;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await localeOf(params);
  const { election } = await registerOf(params);
  return localizedMetadata(locale, `/elections/${election.code}`, election.titles[locale]);
}

/** An election for the public: key dates, figures and accredited missions, in sections later features add to. */
export default async function ElectionPage({ params }: Props) {
  const locale = await localeOf(params);
  const [register, t, home, meetings] = await Promise.all([registerOf(params), getTranslations("publicElections"), getTranslations("home"), getTranslations("publicMeetings")]);
  const { election } = register;
  const [summaries, statements, words] = await Promise.all([
    cachedElectionMeetingSummaries(election.id),
    cachedElectionStatements(locale, election.code),
    getTranslations("publicStatements"),
  ]);
  return (
    <>
      <p>
        <Link href="/elections">{t("backToList")}</Link>
      </p>
      <h1>{election.titles[locale]}</h1>
      <p>
        {home(`electionType.${election.type}`)} · <ElectionPhaseBadge election={election} />
      </p>
      <section aria-labelledby="dates">
        <h2 id="dates">{t("keyDates")}</h2>
        <ElectionDates election={election} />
      </section>
      <section aria-labelledby="missions">
        <h2 id="missions">{t("missionsHeading")}</h2>
        <PublicFigures totals={register.totals} />
        <AccreditedMissions missions={register.missions} />
        <p>
          <Link href={`/elections/${election.code}/register`}>{t("registerLink")}</Link>
        </p>
      </section>
      <section aria-labelledby="statements">
        <h2 id="statements">{words("electionHeading")}</h2>
        <StatementsByMission missions={statements} electionCode={election.code} />
        <p>
          <a href={`/api/feeds/statements?locale=${locale}&election=${election.code}`} type="application/atom+xml">
            {words("subscribeElection")}
          </a>
        </p>
      </section>
      <section aria-labelledby="meetings">
        <h2 id="meetings">{meetings("electionHeading")}</h2>
        <MeetingSummaries summaries={summaries} />
      </section>
    </>
  );
}

import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { formatDay } from "@/lib/i18n/format";
import { ashgabatParts } from "@/lib/meetings/time";
import type { PublicMeetingSummary } from "@/lib/public/meeting-summaries";

/** Published summaries of the commission's meetings with missions, in the reader's language. */
export async function MeetingSummaries({ summaries, withElection = false }: { summaries: PublicMeetingSummary[]; withElection?: boolean }) {
  const [t, locale] = await Promise.all([getTranslations("publicMeetings"), getLocale() as Promise<Locale>]);
  if (summaries.length === 0) return <p>{t("none")}</p>;
  return (
    <ul className="meeting-summaries">
      {summaries.map((s) => (
        <li key={s.id}>
          <h3>{t("heading", { organization: s.organization[locale], acronym: s.acronym })}</h3>
          <p>
            <time dateTime={s.heldAt}>{formatDay(ashgabatParts(new Date(s.heldAt)).day, locale)}</time>
            {withElection && (
              <>
                {" · "}
                <Link href={`/elections/${s.election.code}`}>{s.election.titles[locale]}</Link>
              </>
            )}
          </p>
          <p className="preserve-lines">{s.summary[locale]}</p>
        </li>
      ))}
    </ul>
  );
}

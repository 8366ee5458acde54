import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import type { PublicElection } from "@/lib/public/register";
import { ElectionDates } from "./election-dates";
import { ElectionPhaseBadge } from "./election-phase";

/** Current and upcoming elections with their key dates, each linking to its page. */
export async function CurrentElections({ elections }: { elections: PublicElection[] }) {
  const [t, locale] = await Promise.all([getTranslations("home"), getLocale() as Promise<Locale>]);
  if (elections.length === 0) return <p>{t("noCurrentElections")}</p>;
  return (
    <ul className="election-list">
      {elections.map((election) => (
        <li key={election.id}>
          <h3>
            <Link href={`/elections/${election.code}`}>{election.titles[locale]}</Link>
          </h3>
          <p>
            {t(`electionType.${election.type}`)} · <ElectionPhaseBadge election={election} />
          </p>
          <ElectionDates election={election} />
        </li>
      ))}
    </ul>
  );
}

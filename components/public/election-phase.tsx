import { getTranslations } from "next-intl/server";
import { StatusBadge, type StatusTone } from "@/components/data/status-badge";
import { electionPhase, type ElectionPhase } from "@/lib/elections/phase";

const phaseTone: Record<ElectionPhase, StatusTone> = {
  accreditationNotOpen: "blue",
  accreditationOpen: "green",
  accreditationClosed: "amber",
  held: "grey",
};

/** Where an election stands for missions, in words; instants arrive as ISO strings from the cache. */
export async function ElectionPhaseBadge({ election }: { election: { electionDay: string; accreditationOpensAt: string; accreditationClosesAt: string } }) {
  const t = await getTranslations("home");
  const phase = electionPhase({
    electionDay: election.electionDay,
    accreditationOpensAt: new Date(election.accreditationOpensAt),
    accreditationClosesAt: new Date(election.accreditationClosesAt),
  });
  return <StatusBadge tone={phaseTone[phase]}>{t(`phase.${phase}`)}</StatusBadge>;
}

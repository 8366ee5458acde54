import { todayInAshgabat } from "@/lib/dates";

export type ElectionPhase = "accreditationNotOpen" | "accreditationOpen" | "accreditationClosed" | "held";

/** Where an election stands for a mission deciding whether it can still apply. */
export function electionPhase(
  election: { electionDay: string; accreditationOpensAt: Date; accreditationClosesAt: Date },
  now: Date = new Date(),
): ElectionPhase {
  if (election.electionDay < todayInAshgabat(now)) return "held";
  if (now < election.accreditationOpensAt) return "accreditationNotOpen";
  if (now < election.accreditationClosesAt) return "accreditationOpen";
  return "accreditationClosed";
}

import { ashgabatInstant } from "@/lib/dates";

/** An election's calendar as far as it is known: a field left out is not checked. */
export type ElectionCalendar = {
  electionDay?: string;
  accreditationOpensAt?: Date;
  accreditationClosesAt?: Date;
  observationStartsOn?: string;
  observationEndsOn?: string;
};

export type CalendarProblem =
  | { field: "accreditationClosesAt"; key: "accreditationClosesBeforeOpens" | "accreditationClosesAfterElectionDay" }
  | { field: "observationStartsOn"; key: "observationStartsAfterElectionDay" }
  | { field: "observationEndsOn"; key: "observationEndsBeforeElectionDay" };

/**
 * The rules an election's windows obey: accreditation opens before it closes and has closed by
 * the start of election day (midnight in Ashgabat), and observers may be in the country on
 * election day (earliest arrival on or before it, latest departure on or after it).
 * Dates are yyyy-mm-dd, so comparing the strings compares the days.
 */
export function calendarProblems(calendar: ElectionCalendar): CalendarProblem[] {
  const { electionDay, accreditationOpensAt: opens, accreditationClosesAt: closes, observationStartsOn, observationEndsOn } = calendar;
  const problems: CalendarProblem[] = [];
  if (opens && closes && opens.getTime() >= closes.getTime()) {
    problems.push({ field: "accreditationClosesAt", key: "accreditationClosesBeforeOpens" });
  }
  if (closes && electionDay && closes.getTime() > ashgabatInstant(electionDay).getTime()) {
    problems.push({ field: "accreditationClosesAt", key: "accreditationClosesAfterElectionDay" });
  }
  if (observationStartsOn && electionDay && observationStartsOn > electionDay) {
    problems.push({ field: "observationStartsOn", key: "observationStartsAfterElectionDay" });
  }
  if (observationEndsOn && electionDay && observationEndsOn < electionDay) {
    problems.push({ field: "observationEndsOn", key: "observationEndsBeforeElectionDay" });
  }
  return problems;
}

export type Publication = { status: "draft" | "published"; publishedAt: Date | null };

/**
 * Publishing stamps the moment it happened; saving a published election again keeps that
 * moment; returning it to draft clears it (the public no longer sees it).
 */
export function publicationAfter(current: Publication | null, requested: Publication["status"], now: Date): Publication {
  if (requested === "draft") return { status: "draft", publishedAt: null };
  // Only these two fields: callers spread the result over the edited columns.
  if (current?.status === "published" && current.publishedAt) return { status: "published", publishedAt: current.publishedAt };
  return { status: "published", publishedAt: now };
}

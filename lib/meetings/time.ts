import { ashgabatDateTime } from "@/lib/dates";

/** The names of the weekdays, Monday first, in the reader's language. */
export function weekdayNames(locale: string) {
  const format = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" });
  // 1 January 2024 was a Monday.
  return [1, 2, 3, 4, 5, 6, 7].map((d) => format.format(new Date(Date.UTC(2024, 0, d))));
}

/** An instant as Ashgabat's calendar day, wall-clock time and ISO weekday (1 Monday … 7 Sunday). */
export function ashgabatParts(instant: Date) {
  const [day, time] = ashgabatDateTime(instant).split("T") as [string, string];
  const weekday = ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  return { day, time, weekday };
}

export type WorkingWeek = { weekday: number; opensAt: string | null; closesAt: string | null }[];

/**
 * The working week in words, e.g. "Monday–Friday 09:00–18:00": following weekdays with the same
 * hours are one span, closed weekdays are left out. Admins change the hours, so forms say them
 * from here rather than from a fixed text.
 */
export function workingWeekText(week: WorkingWeek, locale: string): string {
  const names = weekdayNames(locale);
  const spans: { first: number; last: number; hours: string }[] = [];
  for (const { weekday, opensAt, closesAt } of week) {
    if (!opensAt || !closesAt) continue;
    const hours = `${opensAt}–${closesAt}`;
    const previous = spans.at(-1);
    if (previous && previous.last === weekday - 1 && previous.hours === hours) previous.last = weekday;
    else spans.push({ first: weekday, last: weekday, hours });
  }
  const days = (first: number, last: number) => (first === last ? names[first - 1] : `${names[first - 1]}–${names[last - 1]}`);
  return spans.map(({ first, last, hours }) => `${days(first, last)} ${hours}`).join("; ") || "—";
}

export type WindowRules = {
  now: Date;
  /** When set, a window must start no earlier (a request leaves the commission time to decide). */
  earliest?: Date;
  workingWeek: WorkingWeek;
  /** Closed days (yyyy-mm-dd). */
  closedDays: ReadonlySet<string>;
  /** The election's observation window, calendar days in Ashgabat. */
  observationStartsOn: string;
  observationEndsOn: string;
};

export const windowProblems = ["windowInPast", "windowTooSoon", "windowOnClosedDay", "windowOutsideWorkingHours", "windowOutsideObservation"] as const;
export type WindowProblem = (typeof windowProblems)[number];

/** Undecided this long before its first time, a request (or a proposal) expires. */
export const DECISION_NOTICE_MS = 48 * 60 * 60_000;

/**
 * Why a meeting from `startsAt` lasting `minutes` cannot be held, or null: it must start in the
 * future (and no earlier than `earliest`), on a working day that is not closed, begin and end inside that day's working hours
 * (Ashgabat), and fall inside the election's observation window.
 */
export function windowProblem(startsAt: Date, minutes: number, rules: WindowRules): WindowProblem | null {
  if (startsAt.getTime() <= rules.now.getTime()) return "windowInPast";
  if (rules.earliest && startsAt.getTime() < rules.earliest.getTime()) return "windowTooSoon";
  const start = ashgabatParts(startsAt);
  const end = ashgabatParts(new Date(startsAt.getTime() + minutes * 60_000));
  if (rules.closedDays.has(start.day)) return "windowOnClosedDay";
  const hours = rules.workingWeek.find((d) => d.weekday === start.weekday);
  if (!hours?.opensAt || !hours.closesAt) return "windowOnClosedDay";
  if (end.day !== start.day || start.time < hours.opensAt || end.time > hours.closesAt) return "windowOutsideWorkingHours";
  if (start.day < rules.observationStartsOn || start.day > rules.observationEndsOn) return "windowOutsideObservation";
  return null;
}

import { addDays, todayInAshgabat } from "@/lib/dates";

/**
 * Saturday and Sunday are days off in Turkmenistan, as in most commissions' countries; so are the
 * commission's closed days (public holidays), which the admins keep.
 */
const isWorkingDay = (isoDate: string, closedDays: ReadonlySet<string>) => {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !closedDays.has(isoDate);
};

/** The day `workingDays` working days after `isoDate` (the day itself does not count). */
export function addWorkingDays(isoDate: string, workingDays: number, closedDays: ReadonlySet<string> = new Set()): string {
  let day = isoDate;
  for (let counted = 0; counted < workingDays; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day, closedDays)) counted += 1;
  }
  return day;
}

/** When the commission must decide on a submission made at `submittedAt` (an Ashgabat day). */
export function decisionDueOn(submittedAt: Date, workingDays: number, closedDays: ReadonlySet<string> = new Set()): string {
  return addWorkingDays(todayInAshgabat(submittedAt), workingDays, closedDays);
}

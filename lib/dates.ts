/** The commission's time zone: every calendar day and deadline is Ashgabat's (UTC+5, no DST). */
export const COMMISSION_TIME_ZONE = "Asia/Ashgabat";

// Made once: making a formatter costs far more than formatting, and pages ask for today often.
const ashgabatDay = new Intl.DateTimeFormat("en-CA", { timeZone: COMMISSION_TIME_ZONE });

/** Today's date in Ashgabat as yyyy-mm-dd. */
export function todayInAshgabat(now: Date = new Date()) {
  return ashgabatDay.format(now);
}

/** yyyy-mm-dd shifted by whole days. */
export function addDays(isoDate: string, days: number) {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The instant a given Ashgabat wall-clock time occurs (Ashgabat has been UTC+5 since 1992). */
export function ashgabatInstant(isoDate: string, time = "00:00") {
  return new Date(`${isoDate}T${time}:00+05:00`);
}

/** An instant as Ashgabat's wall-clock "yyyy-mm-ddThh:mm", the value of a datetime-local field. */
export function ashgabatDateTime(instant: Date) {
  return new Date(instant.getTime() + 5 * 60 * 60_000).toISOString().slice(0, 16);
}
